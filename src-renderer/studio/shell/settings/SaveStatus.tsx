import { useState } from 'react';
import { t } from '../../../shared/i18n/index.js';

export type SaveState = { kind: 'idle' } | { kind: 'saved' } | { kind: 'failed'; message: string };

/** Runs a save and remembers how it went, for a "Saved" / "Not saved: …" line under the fields. */
export function useSave(): { state: SaveState; run(promise: Promise<unknown>): void } {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  return {
    state,
    run(promise) {
      promise.then(
        () => setState({ kind: 'saved' }),
        (err: unknown) => setState({ kind: 'failed', message: err instanceof Error ? err.message : String(err) }),
      );
    },
  };
}

export function SaveStatus({ state }: { state: SaveState }) {
  if (state.kind === 'saved') return <p className="muted" data-testid="settings-saved" role="status">{t('settings.saved')}</p>;
  if (state.kind === 'failed') return <p className="error" role="alert">{t('settings.saveFailed', { message: state.message })}</p>;
  return null;
}
