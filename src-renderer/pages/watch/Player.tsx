import { useEffect, useRef, useState } from 'react';
import type { SessionState, SessionType } from '../../../protocol/sessions.js';
import { t } from '../../shared/i18n/index.js';
import type { PlayerState } from '../../shared/media/index.js';
import { attachHls, type HlsPlayback, type HlsPlaybackInfo } from '../../shared/media/hls/hls-playback.js';
import { PlayerControls } from './PlayerControls.js';
import { TransportBadge } from './TransportBadge.js';
import './player.css';

interface PlayerProps {
  stream: MediaStream | null;
  playerState: PlayerState;
  sessionState: SessionState | null;
  sessionType: SessionType | null;
  /** How the program arrives (P2P from the studio, or WHEP from the relay); shown as a data attribute. */
  transport?: 'p2p' | 'whip' | null;
  /** Set when this viewer watches over LL-HLS (the master playlist), instead of `stream`. */
  hlsUrl?: string | null;
  /** The host's studio is not connected to the relay: the picture cannot come, say why. */
  hostAway?: boolean;
  /** The picture is taller than wide (a portrait live): the page lays itself out for it. */
  onPortrait?: (portrait: boolean) => void;
  /** Shown over the ended overlay (links to other lives). */
  endedExtra?: React.ReactNode;
  children?: React.ReactNode;
}

/**
 * The program player: starts muted (browsers allow muted autoplay only) with a visible button to turn
 * the sound on, a volume slider, fullscreen and picture-in-picture; overlays say when the broadcast is
 * not live yet, connecting, or over.
 */
export function Player({ stream, playerState, sessionState, sessionType, transport = null, hlsUrl = null, hostAway = false, onPortrait, endedExtra, children }: PlayerProps) {
  const video = useRef<HTMLVideoElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const [portrait, setPortrait] = useState(false);
  const [hlsInfo, setHlsInfo] = useState<HlsPlaybackInfo | null>(null);
  const hls = useRef<HlsPlayback | null>(null);

  useEffect(() => {
    const el = video.current;
    if (!el || hlsUrl) return;
    el.srcObject = stream;
    if (stream) void el.play().catch(() => undefined);
  }, [stream, hlsUrl]);

  useEffect(() => {
    const el = video.current;
    if (!el || !hlsUrl) return;
    let cancelled = false;
    el.srcObject = null;
    void attachHls(el, hlsUrl, (info) => !cancelled && setHlsInfo(info)).then((playback) => {
      if (cancelled) playback.destroy();
      else hls.current = playback;
    });
    return () => {
      cancelled = true;
      hls.current?.destroy();
      hls.current = null;
      setHlsInfo(null);
    };
  }, [hlsUrl]);

  // The studio may switch between landscape and portrait presets mid-live: follow every size change.
  useEffect(() => {
    const el = video.current;
    if (!el) return;
    const measure = () => {
      const next = el.videoHeight > el.videoWidth && el.videoWidth > 0;
      setPortrait(next);
      onPortrait?.(next);
    };
    el.addEventListener('resize', measure);
    el.addEventListener('loadedmetadata', measure);
    return () => {
      el.removeEventListener('resize', measure);
      el.removeEventListener('loadedmetadata', measure);
    };
  }, [onPortrait]);

  const ended = sessionState === 'ended' || sessionState === 'ending';
  const picture = hlsUrl ? hlsInfo !== null : stream !== null;
  const overlay = overlayText(sessionState, hlsUrl ? 'playing' : playerState, picture, hostAway);
  return (
    <div className={`stage${portrait ? ' portrait' : ''}`} ref={stage} data-testid="player-stage" data-portrait={portrait}>
      <video ref={video} data-testid="player" data-transport={hlsUrl ? 'hls' : (transport ?? undefined)} aria-label={t('watch.player')} muted autoPlay playsInline />
      {picture && !ended && <TransportBadge transport={hlsUrl ? 'hls' : 'webrtc'} info={hlsInfo} onPickLevel={(i) => hls.current?.setLevel(i)} />}
      {sessionType === 'audio' && sessionState === 'live' && <div className="audio-only">🎙️ {t('watch.audioOnly')}</div>}
      {overlay && (
        <div className="stage-overlay" data-testid="player-overlay">
          <div>
            <p>{overlay}</p>
            {ended && endedExtra}
          </div>
        </div>
      )}
      {children}
      {picture && !ended && <PlayerControls video={video} stage={stage} />}
    </div>
  );
}

function overlayText(state: SessionState | null, player: PlayerState, picture: boolean, hostAway: boolean): string | null {
  if (state === 'ended' || state === 'ending') return t('watch.ended');
  if (state === 'pending' || state === null) return t('watch.waiting');
  // While a picture still flows it stays visible; once it is gone, the host's absence is the reason.
  if (hostAway && (!picture || player === 'reconnecting')) return t('watch.hostAway');
  if (player === 'reconnecting') return t('watch.reconnectingVideo');
  if (!picture) return t('watch.connectingVideo');
  return null;
}
