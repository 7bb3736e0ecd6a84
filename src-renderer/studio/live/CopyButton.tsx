import { useEffect, useState } from 'react';
import { t } from '../../shared/i18n/index.js';

/**
 * Copies `text`. Says "Copied" only once the clipboard took this very text, for a few seconds; a refused
 * clipboard says so (select the field and copy by hand) instead of pretending.
 */
export function CopyButton({ text, testId }: { text: string; testId?: string }) {
  const [result, setResult] = useState<{ text: string; ok: boolean } | null>(null);
  useEffect(() => {
    if (!result) return;
    const timer = setTimeout(() => setResult(null), 3_000);
    return () => clearTimeout(timer);
  }, [result]);
  const shown = result && result.text === text ? result : null;
  const copy = () => {
    const clipboard = navigator.clipboard as Clipboard | undefined;
    if (!clipboard) return setResult({ text, ok: false });
    clipboard.writeText(text).then(
      () => setResult({ text, ok: true }),
      () => setResult({ text, ok: false }),
    );
  };
  return (
    <button className="secondary" data-testid={testId} data-copied={shown?.ok ?? false} onClick={copy}>
      {shown ? (shown.ok ? t('studio.copied') : t('studio.copyFailed')) : t('studio.copy')}
    </button>
  );
}
