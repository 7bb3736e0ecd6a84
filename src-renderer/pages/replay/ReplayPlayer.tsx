import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { Replay } from '../../../protocol/replays.js';
import { t } from '../../shared/i18n/index.js';
import { chatHeat, formatClock } from './timeline.js';
import { attachVod } from './vod-playback.js';

/** Bars of the chat heatmap along the seek bar. */
const HEAT_BINS = 60;

const clock = formatClock;

/**
 * The replay's video (hls.js from the start, the browser's own controls) with a seek bar beneath it that
 * shows where the chat was busiest and the chapters; clicking it seeks. Reports the playing time.
 */
export function ReplayPlayer({ replay, onTime }: { replay: Replay; onTime: (seconds: number) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [time, setTime] = useState(0);
  const duration = replay.recording.durationSeconds;
  const heat = useMemo(() => chatHeat(replay.messages, duration, HEAT_BINS), [replay.messages, duration]);

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    let detach: (() => void) | undefined;
    let gone = false;
    void attachVod(element, replay.media.playlistUrl).then((d) => (gone ? d() : (detach = d)));
    const update = () => {
      setTime(element.currentTime);
      onTime(element.currentTime);
    };
    element.addEventListener('timeupdate', update);
    element.addEventListener('seeked', update);
    return () => {
      gone = true;
      element.removeEventListener('timeupdate', update);
      element.removeEventListener('seeked', update);
      detach?.();
    };
  }, [replay.media.playlistUrl, onTime]);

  const seek = (e: MouseEvent<HTMLDivElement>) => {
    const element = video.current;
    if (!element || duration <= 0) return;
    const box = e.currentTarget.getBoundingClientRect();
    element.currentTime = Math.max(0, Math.min(duration - 0.1, ((e.clientX - box.left) / box.width) * duration));
  };

  return (
    <div className="replay-player">
      <div className="stage">
        <video ref={video} data-testid="replay-video" controls playsInline poster={replay.media.posterUrl ?? undefined} />
      </div>
      <div
        className="replay-seek"
        data-testid="replay-heatmap"
        role="slider"
        tabIndex={0}
        aria-label={t('replay.heatmap')}
        aria-valuemin={0}
        aria-valuemax={Math.round(duration)}
        aria-valuenow={Math.round(time)}
        aria-valuetext={`${clock(time)} / ${clock(duration)}`}
        onClick={seek}
        onKeyDown={(e) => {
          const element = video.current;
          if (!element) return;
          if (e.key === 'ArrowRight') element.currentTime = Math.min(duration, element.currentTime + 5);
          if (e.key === 'ArrowLeft') element.currentTime = Math.max(0, element.currentTime - 5);
        }}
      >
        {heat.map((level, i) => (
          <span key={i} className="heat-bar" style={{ height: `${Math.round(15 + level * 85)}%`, opacity: 0.25 + level * 0.75 }} />
        ))}
        {replay.chapters.map((c) => (
          <span key={`${c.atSeconds}-${c.title}`} className="chapter-mark" style={{ left: `${(c.atSeconds / Math.max(duration, 1)) * 100}%` }} title={c.title} />
        ))}
        <span className="seek-progress" style={{ width: `${duration > 0 ? Math.min(100, (time / duration) * 100) : 0}%` }} />
      </div>
      <p className="replay-clock muted">
        <span data-testid="replay-time">{clock(time)}</span> / {clock(duration)} · {t('replay.heatmap')}
      </p>
      {replay.chapters.length > 0 && (
        <nav aria-label={t('replay.chapters')} className="replay-chapters">
          <ol>
            {replay.chapters.map((c) => (
              <li key={`${c.atSeconds}-${c.title}`}>
                <button type="button" className="link" onClick={() => video.current && (video.current.currentTime = c.atSeconds)}>
                  {clock(c.atSeconds)} {c.title}
                </button>
              </li>
            ))}
          </ol>
        </nav>
      )}
    </div>
  );
}
