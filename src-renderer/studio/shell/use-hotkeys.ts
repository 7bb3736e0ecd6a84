import { useEffect } from 'react';
import { t } from '../../shared/i18n/index.js';
import { useServices } from '../context.js';

function typingInField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Enter on a focused button or link presses that control; it must not also take a scene to program. */
function pressingControl(e: KeyboardEvent): boolean {
  return e.key === 'Enter' && e.target instanceof HTMLElement && e.target.closest('button, a[href], summary, [role="button"]') !== null;
}

/**
 * 1..9 switch scene (to preview in studio mode, else to program); Enter in studio mode takes preview
 * to program; Delete removes the selected source (after asking, while live). Ignored while typing in a field.
 */
export function useHotkeys(): void {
  const { store, live } = useServices();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typingInField(e.target) || pressingControl(e) || e.ctrlKey || e.metaKey || e.altKey) return;
      const state = store.getState();
      if (/^[1-9]$/.test(e.key)) state.selectSceneByNumber(Number(e.key));
      else if (e.key === 'Enter' && state.studioMode) state.takeToProgram();
      else if (e.key === 'Delete' && state.selectedSourceId) {
        // One stray key must not pull a camera off a running live without a second thought.
        if (live.getSnapshot().phase === 'live' && !window.confirm(t('studio.source.confirmDeleteLive'))) return;
        state.removeSource(state.selectedSourceId);
      } else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, live]);
}
