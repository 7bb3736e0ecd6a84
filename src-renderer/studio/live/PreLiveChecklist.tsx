import { t } from '../../shared/i18n/index.js';
import { CHECK_TEXT, type PreLiveCheck } from './checks.js';

/** The pre-live check: what looks wrong, before the Start button. Never blocks. */
export function PreLiveChecklist({ checks }: { checks: PreLiveCheck[] }) {
  if (checks.length === 0) {
    return (
      <p className="prelive ok" data-testid="prelive-checklist" data-count={0}>
        ✓ {t('studio.check.allGood')}
      </p>
    );
  }
  return (
    <div className="prelive" data-testid="prelive-checklist" data-count={checks.length} role="status">
      <p>{t('studio.check.heading')}</p>
      <ul>
        {checks.map((c) => (
          <li key={c} data-testid="prelive-item" data-check={c}>
            ⚠ {t(CHECK_TEXT[c])}
          </li>
        ))}
      </ul>
    </div>
  );
}
