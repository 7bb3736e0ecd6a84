import { useEffect, useState } from 'react';
import { t, type StringKey } from '../../../shared/i18n/index.js';
import './shortcuts.css';

/** Every studio shortcut, as the overlay lists it (the hotkeys themselves live in shell/use-hotkeys.ts). */
const SHORTCUTS: Array<[string, StringKey]> = [
  ['1 … 9', 'shortcuts.scene'],
  ['Enter', 'shortcuts.take'],
  ['Delete', 'shortcuts.delete'],
  ['?', 'shortcuts.help'],
  ['Esc', 'shortcuts.close'],
];

function typingInField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** `?` shows the list of keyboard shortcuts; `?` again or Esc hides it. */
export function ShortcutsOverlay() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typingInField(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === '?') {
        setOpen((o) => !o);
        e.preventDefault();
      } else if (e.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  if (!open) return null;
  return (
    <div className="modal-backdrop" onClick={() => setOpen(false)}>
      <div className="modal shortcuts" role="dialog" aria-labelledby="shortcuts-title" data-testid="shortcuts-overlay" onClick={(e) => e.stopPropagation()}>
        <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
        <dl>
          {SHORTCUTS.map(([keys, what]) => (
            <div key={keys} className="shortcut">
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd>{t(what)}</dd>
            </div>
          ))}
        </dl>
        <button className="secondary" onClick={() => setOpen(false)}>
          {t('common.close')}
        </button>
      </div>
    </div>
  );
}
