import { useEffect, useRef, useState } from 'react';
import type { SessionState, SessionType } from '../../../protocol/sessions.js';
import { t } from '../../shared/i18n/index.js';
import type { PlayerState } from '../../shared/media/index.js';

interface PlayerProps {
  stream: MediaStream | null;
  playerState: PlayerState;
  sessionState: SessionState | null;
  sessionType: SessionType | null;
  /** How the program arrives (P2P from the studio, or WHEP from the relay); shown as a data attribute. */
  transport?: 'p2p' | 'whip' | null;
  /** The host's studio is not connected to the relay: the picture cannot come, say why. */
  hostAway?: boolean;
  children?: React.ReactNode;
}

/**
 * The program player: starts muted (browsers allow muted autoplay only) with a visible button to turn
 * the sound on; overlays say when the broadcast is not live yet, connecting, or over.
 */
export function Player({ stream, playerState, sessionState, sessionType, transport = null, hostAway = false, children }: PlayerProps) {
  const video = useRef<HTMLVideoElement>(null);
  const [muted, setMuted] = useState(true);

  useEffect(() => {
    const el = video.current;
    if (!el) return;
    el.srcObject = stream;
    if (stream) void el.play().catch(() => undefined);
  }, [stream]);

  const toggleSound = () => {
    const el = video.current;
    if (!el) return;
    el.muted = !muted;
    setMuted(!muted);
    if (muted) void el.play().catch(() => undefined);
  };

  const overlay = overlayText(sessionState, playerState, stream, hostAway);
  return (
    <div className="stage">
      <video ref={video} data-testid="player" data-transport={transport ?? undefined} aria-label={t('watch.player')} muted={muted} autoPlay playsInline />
      {sessionType === 'audio' && sessionState === 'live' && <div className="audio-only">🎙️ {t('watch.audioOnly')}</div>}
      {overlay && (
        <div className="stage-overlay" data-testid="player-overlay">
          <p>{overlay}</p>
        </div>
      )}
      {children}
      {stream && (
        <div className="stage-controls">
          <button type="button" data-testid="unmute-button" aria-pressed={!muted} onClick={toggleSound}>
            {muted ? `🔇 ${t('watch.unmute')}` : `🔊 ${t('watch.mute')}`}
          </button>
        </div>
      )}
    </div>
  );
}

function overlayText(state: SessionState | null, player: PlayerState, stream: MediaStream | null, hostAway: boolean): string | null {
  if (state === 'ended' || state === 'ending') return t('watch.ended');
  if (state === 'pending' || state === null) return t('watch.waiting');
  // While a picture still flows it stays visible; once it is gone, the host's absence is the reason.
  if (hostAway && (!stream || player === 'reconnecting')) return t('watch.hostAway');
  if (player === 'reconnecting') return t('watch.reconnectingVideo');
  if (!stream) return t('watch.connectingVideo');
  return null;
}
