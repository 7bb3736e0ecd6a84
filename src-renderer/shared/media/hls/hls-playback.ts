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
  const hls = new Hls({ lowLatencyMode: true, backBufferLength: 30, manifestLoadPolicy: patient, playlistLoadPolicy: patient });
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
