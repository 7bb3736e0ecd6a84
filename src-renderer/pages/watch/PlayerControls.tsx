import { useEffect, useState, type RefObject } from 'react';
import { t } from '../../shared/i18n/index.js';

interface Props {
  video: RefObject<HTMLVideoElement | null>;
  stage: RefObject<HTMLDivElement | null>;
}

/** Sound on/off, volume, picture-in-picture and fullscreen, as on any video player. */
export function PlayerControls({ video, stage }: Props) {
  const [muted, setMuted] = useState(true);
  const [volume, setVolume] = useState(1);
  const [fullscreen, setFullscreen] = useState(false);
  const pipSupported = typeof document !== 'undefined' && document.pictureInPictureEnabled;

  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  const applySound = (nextMuted: boolean, nextVolume: number) => {
    const el = video.current;
    if (!el) return;
    el.muted = nextMuted;
    el.volume = nextVolume;
    setMuted(nextMuted);
    setVolume(nextVolume);
    if (!nextMuted) void el.play().catch(() => undefined);
  };

  const toggleFullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void stage.current?.requestFullscreen().catch(() => undefined);
  };

  // F toggles full screen and M the sound, as on most players; never while typing a chat message.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      if (e.key === 'f' || e.key === 'F') toggleFullscreen();
      else if ((e.key === 'm' || e.key === 'M') && video.current) applySound(!video.current.muted, volume === 0 ? 1 : volume);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const togglePip = () => {
    const el = video.current;
    if (!el) return;
    if (document.pictureInPictureElement) void document.exitPictureInPicture().catch(() => undefined);
    else void el.requestPictureInPicture().catch(() => undefined);
  };

  return (
    <div className="stage-controls">
      <button type="button" data-testid="unmute-button" title={t('watch.muteKey')} aria-pressed={!muted} onClick={() => applySound(!muted, volume === 0 ? 1 : volume)}>
        {muted ? `🔇 ${t('watch.unmute')}` : `🔊 ${t('watch.mute')}`}
      </button>
      <input
        type="range"
        className="player-volume"
        data-testid="player-volume"
        aria-label={t('watch.volume')}
        min={0}
        max={1}
        step={0.05}
        value={muted ? 0 : volume}
        onChange={(e) => {
          const next = Number(e.target.value);
          applySound(next === 0, next);
        }}
      />
      <span className="spacer" />
      {pipSupported && (
        <button type="button" className="icon" data-testid="player-pip" title={t('watch.pip')} aria-label={t('watch.pip')} onClick={togglePip}>
          <PipIcon />
        </button>
      )}
      <button
        type="button"
        className="icon"
        data-testid="player-fullscreen"
        title={fullscreen ? t('watch.exitFullscreen') : t('watch.fullscreen')}
        aria-label={fullscreen ? t('watch.exitFullscreen') : t('watch.fullscreen')}
        aria-pressed={fullscreen}
        onClick={toggleFullscreen}
      >
        <FullscreenIcon />
      </button>
    </div>
  );
}

/* Drawn, not font glyphs: phones lack the symbols (they showed as empty boxes). */
function PipIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2">
      <rect x="2" y="4" width="20" height="16" rx="2" />
      <rect x="12" y="11" width="8" height="7" fill="currentColor" />
    </svg>
  );
}

function FullscreenIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2">
      <path d="M3 9V3h6M15 3h6v6M21 15v6h-6M9 21H3v-6" />
    </svg>
  );
}
