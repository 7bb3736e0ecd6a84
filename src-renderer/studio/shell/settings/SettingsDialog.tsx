import { useEffect, useRef } from 'react';
import { t } from '../../../shared/i18n/index.js';
import { useLang, useServices } from '../../context.js';
import { SETTINGS_SECTIONS } from './sections.js';
import { useSettings } from './use-settings.js';
import './settings.css';

/** The settings dialog: a list of sections on the left, the chosen one on the right. Escape closes it. */
export function SettingsDialog() {
  useLang();
  const { settings, platform } = useServices();
  const { open, section } = useSettings();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') settings.close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, settings]);
  if (!open) return null;
  const sections = SETTINGS_SECTIONS.filter((s) => s.available?.(platform.kind) ?? true);
  const current = sections.find((s) => s.id === section) ?? sections[0];
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && settings.close()}>
      <div className="modal settings-dialog" role="dialog" aria-modal="true" aria-labelledby="settings-title" data-testid="settings-dialog">
        <header className="settings-head">
          <h2 id="settings-title">{t('settings.title')}</h2>
          <button ref={closeRef} className="secondary" data-testid="settings-close" onClick={() => settings.close()}>
            {t('common.close')}
          </button>
        </header>
        <div className="settings-body">
          <nav className="settings-nav" aria-label={t('settings.title')}>
            {sections.map((s) => (
              <button
                key={s.id}
                data-testid={`settings-tab-${s.id}`}
                className={s.id === current?.id ? 'active' : 'secondary'}
                aria-current={s.id === current?.id ? 'page' : undefined}
                onClick={() => settings.showSection(s.id)}
              >
                {t(s.title)}
              </button>
            ))}
          </nav>
          <section className="settings-pane" data-testid={`settings-section-${current?.id ?? 'none'}`}>
            <h3>{current ? t(current.title) : null}</h3>
            {current && <current.Component key={current.id} />}
          </section>
        </div>
      </div>
    </div>
  );
}
