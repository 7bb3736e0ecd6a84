import './stage.css';
import { useEffect, useState } from 'react';
import { ON_AIR_COUNTDOWN_MS } from '../../../protocol/stage.js';
import { t } from '../i18n/index.js';
import type { OnAirStatus } from './stage-client.js';

/** Whole seconds left of the on-air countdown that started when `status` became `cueing`. */
function useCountdown(status: OnAirStatus): number | null {
  const [left, setLeft] = useState<number | null>(null);
  useEffect(() => {
    if (status !== 'cueing') return setLeft(null);
    const startedAt = performance.now();
    const tick = () => setLeft(Math.max(1, Math.ceil((ON_AIR_COUNTDOWN_MS - (performance.now() - startedAt)) / 1000)));
    tick();
    const timer = setInterval(tick, 200);
    return () => clearInterval(timer);
  }, [status]);
  return left;
}

/**
 * A guest's place on the stage in one glance: backstage (the audience cannot see or hear you), a
 * 3-2-1 countdown when the host brings you on, then a red ON AIR. Test id `guest-on-air`.
 */
export function OnAirBanner({ status }: { status: OnAirStatus }) {
  const left = useCountdown(status);
  return (
    <div className={`on-air-banner ${status}`} data-testid="guest-on-air" data-state={status} role="status" aria-live="assertive">
      {status === 'on-air' && (
        <>
          <strong className="on-air-lamp">{t('stage.onAir')}</strong>
          <span>{t('stage.onAirHint')}</span>
        </>
      )}
      {status === 'cueing' && (
        <>
          <strong className="on-air-count" data-testid="on-air-countdown">
            {left ?? ''}
          </strong>
          <span>{t('stage.cueing')}</span>
        </>
      )}
      {status === 'backstage' && (
        <>
          <strong>{t('stage.backstage')}</strong>
          <span>{t('stage.backstageHint')}</span>
        </>
      )}
    </div>
  );
}
