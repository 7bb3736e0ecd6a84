import { t } from '../../shared/i18n/index.js';
import type { HlsPlaybackInfo } from '../../shared/media/hls/hls-playback.js';

interface TransportBadgeProps {
  transport: 'webrtc' | 'hls';
  info: HlsPlaybackInfo | null;
  onPickLevel: (index: number) => void;
}

/** Which path the picture takes (low-latency WebRTC or LL-HLS), how far behind live, and the quality picker on HLS. */
export function TransportBadge({ transport, info, onPickLevel }: TransportBadgeProps) {
  const parts = [t(transport === 'hls' ? 'watch.transport.hls' : 'watch.transport.webrtc')];
  if (transport === 'hls' && info?.latency != null) parts.push(t('watch.latency', { seconds: info.latency.toFixed(1) }));
  if (transport === 'hls' && info?.playingHeight) parts.push(`${info.playingHeight}p`);
  return (
    <div className="transport-badge" data-testid="transport-badge" data-transport={transport}>
      <span>{parts.join(' · ')}</span>
      {transport === 'hls' && info && info.levels.length > 1 && (
        <label>
          <span className="visually-hidden">{t('watch.quality')}</span>
          <select aria-label={t('watch.quality')} data-testid="quality-picker" value={info.selected} onChange={(e) => onPickLevel(Number(e.target.value))}>
            <option value={-1}>{t('watch.quality.auto')}</option>
            {info.levels.map((height, i) => (
              <option key={height} value={i}>{`${height}p`}</option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
