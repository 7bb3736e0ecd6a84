import './stage.css';
import { useEffect, useRef, useState } from 'react';
import { t } from '../i18n/index.js';

const VOLUME_KEY = 'afritok.returnVolume';

function savedVolume(): number {
  const raw = typeof localStorage === 'undefined' ? null : localStorage.getItem(VOLUME_KEY);
  const value = raw === null ? NaN : Number(raw);
  return Number.isFinite(value) && value >= 0 && value <= 1 ? value : 0.8;
}

/**
 * The program as a guest gets it back: the picture, and the sound without their own voice (the host
 * sends each guest a mix-minus), played out loud with its own volume.
 */
export function ReturnFeed({ stream }: { stream: MediaStream | null }) {
  const video = useRef<HTMLVideoElement>(null);
  const [volume, setVolume] = useState(savedVolume);
  useEffect(() => {
    if (!video.current) return;
    video.current.srcObject = stream;
    // Joining was a click, so sound may start; if a browser still refuses, the volume slider is a gesture too.
    if (stream) void video.current.play().catch(() => undefined);
  }, [stream]);
  useEffect(() => {
    if (video.current) video.current.volume = volume;
    localStorage.setItem(VOLUME_KEY, String(volume));
  }, [volume]);
  return (
    <div className="return-feed">
      <video ref={video} className="preview" data-testid="program" autoPlay playsInline aria-label={t('join.program')} />
      <label className="volume">
        {t('stage.returnVolume')}
        <input
          type="range"
          data-testid="program-volume"
          min={0}
          max={1}
          step={0.05}
          value={volume}
          onChange={(e) => {
            setVolume(Number(e.target.value));
            void video.current?.play().catch(() => undefined);
          }}
        />
      </label>
    </div>
  );
}
