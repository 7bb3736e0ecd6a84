import { useState } from 'react';
import { describeFailure } from './error-text.js';

/**
 * One button's action at a time: `busy` while it runs (disable the buttons), and its failure as a
 * sentence for the person in `error` (cleared when the next action starts).
 */
export function useBusyAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(describeFailure(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
