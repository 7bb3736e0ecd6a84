/**
 * The rig of `bench hls`: the relay in THIS process (startTestRelay: `origin.observe` is only reachable
 * in-process, so the viewers run in worker processes and /proc/self/stat is the relay's CPU), the
 * repository's nginx CDN configuration in front of it, and GStreamer WHIP publishers (their own processes)
 * sending 640×360 30 fps moving bars in H.264 (x264 `--profile high`) or VP8 at ~1.5 Mbps.
 */
import { SessionReply } from '../../protocol/sessions.js';
import { freePort, startCdn, type Cdn } from '../../tests/relay/hls/support/nginx.js';
import { startGstPublisher, type GstPublisher } from '../../tests/relay/media/gstreamer/publisher.js';
import { startTestRelay, type TestRelay } from '../../tests/support/relay.js';
import { LOAD_RIG_LIMITS } from '../support/rig-limits.js';

export type PublishedCodec = 'h264' | 'vp8';
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Rig {
  relay: TestRelay;
  cdn: Cdn;
  hostToken: string;
  stop(): Promise<void>;
}

export interface HlsLive {
  sessionId: string;
  /** The ladder's rendition names, from the master playlist (e.g. 360p, 180p). */
  renditions: string[];
  stop(): Promise<void>;
}

export async function startRig(nginxWorkers: number): Promise<Rig> {
  const cdnPort = await freePort();
  const relay = await startTestRelay({
    dialect: 'sqlite',
    // Every simulated viewer comes from 127.0.0.1: straight at the relay, 2,000 hold a blocking reload each.
    env: { ...LOAD_RIG_LIMITS, PUBLIC_HLS_URL: `http://127.0.0.1:${cdnPort}`, HLS_MAX_BLOCKING_PER_ADDRESS: '100000' },
  });
  let cdn: Cdn;
  try {
    cdn = await startCdn([`127.0.0.1:${relay.port}`], { port: cdnPort, workers: nginxWorkers });
  } catch (err) {
    await relay.close();
    throw err;
  }
  const host = await relay.register();
  return {
    relay,
    cdn,
    hostToken: host.token,
    async stop() {
      await cdn.stop();
      await relay.close();
    },
  };
}

const CONNECT_TIMEOUT_MS = 30_000;
const READY_TIMEOUT_MS = 40_000;

async function connected(publisher: GstPublisher): Promise<void> {
  const status = await publisher.line('status');
  if (status !== 'status 201') throw new Error(`WHIP publish refused: ${publisher.lines.join(' | ')}`);
  const outcome = await Promise.race([publisher.line('connected'), publisher.line('failed'), sleep(CONNECT_TIMEOUT_MS).then(() => 'timeout')]);
  if (outcome !== 'connected') throw new Error(`WHIP publisher did not connect (${outcome}): ${publisher.lines.join(' | ')}`);
}

/** Asks for the master playlist (which starts the packager) until it answers 200; its rendition names. */
async function waitForLadder(base: string, sessionId: string): Promise<string[]> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const res = await fetch(`${base}/hls/${sessionId}/master.m3u8`);
    const text = await res.text();
    if (res.status === 200) return text.split('\n').filter((l) => l.endsWith('/index.m3u8')).map((l) => l.split('/')[0] ?? '');
    if (Date.now() > deadline) throw new Error(`master.m3u8 still ${res.status} after ${READY_TIMEOUT_MS} ms`);
    await sleep(500);
  }
}

/** A public live published by GStreamer in `codec`, with its LL-HLS packager running. */
export async function startLive(rig: Rig, codec: PublishedCodec): Promise<HlsLive> {
  const { relay, hostToken } = rig;
  const created = await relay.api('POST', '/api/sessions', { token: hostToken, body: { title: `HLS bench ${codec}`, type: 'video', isPublic: true } });
  const sessionId = SessionReply.parse(created.body).session.id;
  await relay.api('POST', `/api/sessions/${sessionId}/start`, { token: hostToken });
  const publisher = startGstPublisher(`${relay.url}/api/whip/${sessionId}`, ['--token', hostToken, '--codec', codec, '--profile', 'high', '--pattern', 'moving-bars']);
  const stop = async () => {
    await publisher.stop();
    await relay.api('POST', `/api/sessions/${sessionId}/end`, { token: hostToken });
  };
  try {
    await connected(publisher);
    return { sessionId, renditions: await waitForLadder(relay.url, sessionId), stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
