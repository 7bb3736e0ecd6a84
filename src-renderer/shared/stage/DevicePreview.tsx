import { useEffect, useRef, useState } from 'react';
import { t } from '../i18n/index.js';
import { watchLevel } from '../media/devices.js';

export function Preview({ stream }: { stream: MediaStream | null }) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (video.current) video.current.srcObject = stream;
  }, [stream]);
  return <video ref={video} className="preview" data-testid="preview" aria-label={t('join.preview')} muted autoPlay playsInline />;
}

export function LevelMeter({ stream }: { stream: MediaStream | null }) {
  const [level, setLevel] = useState(0);
  useEffect(() => (stream ? watchLevel(stream, setLevel) : undefined), [stream]);
  return (
    <label>
      {t('join.level')}
      <meter className="level" data-testid="level-meter" min={0} max={1} low={0.6} high={0.9} value={level} />
    </label>
  );
}
