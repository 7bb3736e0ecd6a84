import { useEffect, useState } from 'react';
import { t } from '../../shared/i18n/index.js';

/** "End the live" asks once, inline (a stray click must not end a show), with the viewer count at stake. */
export function EndLiveButton({
  viewers,
  busy,
  onEnd,
  askRequest = 0,
}: {
  viewers: number | null;
  busy: boolean;
  onEnd: () => void;
  /** Bumped by Menu › Go Live / End Live: asks, exactly as a click on the button does. */
  askRequest?: number;
}) {
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    if (askRequest > 0) setAsking(true);
  }, [askRequest]);
  useEffect(() => {
    if (!asking) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setAsking(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [asking]);
  if (!asking) {
    return (
      <button data-testid="live-end" className="danger" disabled={busy} onClick={() => setAsking(true)}>
        {t('studio.live.end')}
      </button>
    );
  }
  return (
    <div className="end-confirm" role="alertdialog" aria-labelledby="end-confirm-text" data-testid="live-end-dialog">
      <p id="end-confirm-text">
        {viewers === null ? t('studio.live.endConfirmUnknown') : t('studio.live.endConfirm', { count: viewers })}
      </p>
      <div className="end-confirm-actions">
        <button className="secondary" autoFocus onClick={() => setAsking(false)}>
          {t('studio.live.keepGoing')}
        </button>
        <button
          data-testid="live-end-confirm"
          className="danger"
          disabled={busy}
          onClick={() => {
            setAsking(false);
            onEnd();
          }}
        >
          {t('studio.live.endNow')}
        </button>
      </div>
    </div>
  );
}
