import { t } from '../../../shared/i18n/index.js';
import { errorText } from '../../../shared/ui/error-text.js';
import { useLive } from '../../context.js';
import { useConnectionState, useHealth } from './use-health.js';
import './health.css';

/**
 * One line over the canvases while on air: whether viewers receive the program, in plain words, and
 * why not when they do not (relay down, upload failed). Green, amber or red.
 */
export function HealthStrip() {
  const health = useHealth();
  const live = useLive();
  const connection = useConnectionState();
  if (health.level === 'off') return null;
  const reason = health.reason
    ? t(health.reason, { ...health.reasonVars, reason: errorText(String(health.reasonVars?.reason ?? '')) })
    : null;
  const upload = live.media.transport === 'whip' ? t(`studio.health.upload.${live.media.upload?.state ?? 'connecting'}`) : t('studio.health.upload.direct');
  return (
    <section
      className={`health-strip health-${health.level}`}
      data-testid="stream-health"
      data-level={health.level}
      role={health.level === 'bad' ? 'alert' : 'status'}
      aria-live="polite"
    >
      <p className="health-headline">
        <span className="health-dot" aria-hidden="true" />
        <strong>{t(health.headline)}</strong>
        {reason && <span data-testid="stream-health-reason"> — {reason}</span>}
      </p>
      <dl className="health-facts">
        <dt>{t('studio.health.upload')}</dt>
        <dd>{upload}</dd>
        <dt>{t('studio.stats.bitrate')}</dt>
        <dd>{live.stats.bitrateKbps} kb/s</dd>
        <dt>{t('studio.stats.dropped')}</dt>
        <dd>{live.stats.droppedFrames}</dd>
        <dt>{t('studio.health.relay')}</dt>
        <dd>{t(`connection.${connection}`)}</dd>
        <dt>{t('studio.stats.viewers')}</dt>
        <dd data-testid="stream-health-viewers">
          {health.viewers === null
            ? t('studio.health.viewersUnknown')
            : t(live.media.transport === 'whip' ? 'studio.health.viewersRelay' : 'studio.health.viewersDirect', { count: health.viewers })}
        </dd>
        {live.media.transport === 'whip' && live.paths && health.viewers !== null && (
          <>
            <dt>{t('studio.health.paths')}</dt>
            <dd data-testid="stream-health-paths" data-webrtc={live.paths.webrtc} data-hls={live.paths.hls}>
              {t('studio.health.pathsCounts', { webrtc: live.paths.webrtc, hls: live.paths.hls })}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
