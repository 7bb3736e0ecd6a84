import type { ScheduledLive } from '../../../protocol/notifications.js';
import { t } from '../i18n/index.js';
import { whenText } from './schedule-text.js';
import '../follows/follows.css';

/** Announced lives, soonest first: when, what, and (when `showCreator`) whose, linking to their profile. */
export function ScheduledList({ lives, showCreator = false }: { lives: ScheduledLive[]; showCreator?: boolean }) {
  return (
    <ul className="scheduled-list">
      {lives.map((s) => (
        <li key={s.id} data-testid="scheduled-live" data-scheduled-id={s.id}>
          <span className="badge">{t('schedule.badge')}</span> <time dateTime={s.startsAt}>{whenText(s)}</time> — <strong>{s.title}</strong>
          {showCreator && (
            <>
              {' · '}
              <a href={`/u/${encodeURIComponent(s.creator.username)}`}>{s.creator.displayName || s.creator.username}</a>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
