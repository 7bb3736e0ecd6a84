/** What the viewer sees of an LL-HLS playback: the badge's latency and rendition, the quality picker. */
export interface HlsPlaybackInfo {
  /** Renditions by height (e.g. [720, 360]), in hls.js's level order. */
  levels: number[];
  /** The viewer's pick: -1 for automatic. */
  selected: number;
  /** Height of the rendition playing now. */
  playingHeight: number | null;
  /** Seconds behind the live edge (hls.js `latency`), null before it is known. */
  latency: number | null;
}

export interface HlsPlayback {
  setLevel(index: number): void;
  destroy(): void;
}

/** Playback rate hls.js may use to close the gap to its target latency (pitch is preserved by the browser). */
const CATCH_UP_RATE = 1.25;
/** Seconds behind the target latency past which catching up by speed would take too long: seek instead. */
const JUMP_BEHIND_S = 3;

interface LiveLatency {
  latency: number;
  targetLatency: number | null;
  liveSyncPosition: number | null;
}

/** The part of a video element the jump reads and moves. */
type Playhead = Pick<HTMLVideoElement, 'paused' | 'seeking' | 'currentTime'> & { buffered: Pick<TimeRanges, 'length' | 'start' | 'end'> };

function isBuffered(video: Playhead, position: number): boolean {
  for (let i = 0; i < video.buffered.length; i++) if (video.buffered.start(i) <= position && position < video.buffered.end(i)) return true;
  return false;
}

/**
 * A viewer far behind with the live already in the buffer (the packager's first seconds arrive in a
 * burst) jumps to the live position at once, as Twitch's player does, rather than watching the past at
 * 1.25×. Only into buffered media: a viewer behind because media is late (a slow link, a busy packager)
 * is left to hls.js, since seeking to where nothing has arrived would stall them again every second.
 */
export function jumpToLiveWhenFarBehind(hls: LiveLatency, video: Playhead): void {
  const { latency, targetLatency, liveSyncPosition } = hls;
  if (targetLatency === null || liveSyncPosition === null || !Number.isFinite(latency) || video.paused || video.seeking) return;
  if (latency - targetLatency <= JUMP_BEHIND_S || liveSyncPosition <= video.currentTime) return;
  if (isBuffered(video, liveSyncPosition)) video.currentTime = liveSyncPosition;
}

/**
 * Plays an LL-HLS master playlist in a video element with hls.js, loaded on demand so /watch stays light
 * for WebRTC viewers; Safari (no MSE, native HLS) gets the URL directly. Reports every second.
 */
export async function attachHls(video: HTMLVideoElement, url: string, onInfo: (info: HlsPlaybackInfo) => void): Promise<HlsPlayback> {
  const { default: Hls } = await import('hls.js');
  if (!Hls.isSupported()) {
    video.src = url;
    void video.play().catch(() => undefined);
    return { setLevel: () => undefined, destroy: () => video.removeAttribute('src') };
  }
  // The relay starts packaging on the first request (503 + Retry-After for a few seconds): keep asking.
  const patient = { default: { maxTimeToFirstByteMs: 10_000, maxLoadTimeMs: 20_000, timeoutRetry: { maxNumRetry: 4, retryDelayMs: 0, maxRetryDelayMs: 0 }, errorRetry: { maxNumRetry: 20, retryDelayMs: 1_000, maxRetryDelayMs: 2_000 } } };
  // maxLiveSyncPlaybackRate: hls.js plays up to 1.25× until it is back at the playlist's PART-HOLD-BACK
  // (its default, 1, never catches up: a stall or the packager's start-up burst would leave the viewer
  // seconds behind for the whole live). Far behind, the report below jumps instead.
  const hls = new Hls({ lowLatencyMode: true, maxLiveSyncPlaybackRate: CATCH_UP_RATE, backBufferLength: 30, manifestLoadPolicy: patient, playlistLoadPolicy: patient });
  // Exposed for the e2e tests and for people debugging a stream from the console.
  (window as unknown as { __hls?: unknown }).__hls = hls;
  hls.loadSource(url);
  hls.attachMedia(video);
  hls.on(Hls.Events.MANIFEST_PARSED, () => void video.play().catch(() => undefined));
  hls.on(Hls.Events.ERROR, (_event, data) => {
    if (!data.fatal) return;
    if (data.type === Hls.ErrorTypes.MEDIA_ERROR) hls.recoverMediaError();
    else hls.startLoad();
  });
  const report = () => {
    jumpToLiveWhenFarBehind(hls, video);
    const latency = hls.latency;
    onInfo({
      levels: hls.levels.map((level) => level.height),
      selected: hls.autoLevelEnabled ? -1 : hls.currentLevel,
      playingHeight: hls.levels[hls.currentLevel]?.height ?? null,
      latency: Number.isFinite(latency) && latency > 0 ? latency : null,
    });
  };
  hls.on(Hls.Events.LEVEL_SWITCHED, report);
  const timer = setInterval(report, 1_000);
  return {
    setLevel(index) {
      hls.currentLevel = index;
      report();
    },
    destroy() {
      clearInterval(timer);
      hls.destroy();
    },
  };
}
