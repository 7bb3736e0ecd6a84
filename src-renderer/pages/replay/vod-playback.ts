/**
 * Plays a replay's VOD playlist in a video element with hls.js (loaded on demand), from the start;
 * Safari (native HLS) gets the URL directly. Same-origin requests carry the sign-in cookie, which a
 * private live's replay needs.
 */
export async function attachVod(video: HTMLVideoElement, url: string): Promise<() => void> {
  const { default: Hls } = await import('hls.js');
  if (!Hls.isSupported()) {
    video.src = url;
    return () => video.removeAttribute('src');
  }
  // No worker: the pages' CSP allows scripts from the relay only, not blob: workers.
  const hls = new Hls({ startPosition: 0, enableWorker: false });
  // Exposed for the e2e tests and for people debugging a replay from the console.
  (window as unknown as { __hls?: unknown }).__hls = hls;
  hls.loadSource(url);
  hls.attachMedia(video);
  hls.on(Hls.Events.ERROR, (_event, data) => {
    if (!data.fatal) return;
    if (data.type === Hls.ErrorTypes.MEDIA_ERROR) hls.recoverMediaError();
    else hls.startLoad();
  });
  return () => hls.destroy();
}
