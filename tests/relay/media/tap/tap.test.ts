import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionReply } from '../../../../protocol/sessions.js';
import { RtpTap } from '../../../../relay-server/src/media/tap/rtp-tap.js';
import { probeFfmpeg, spawnFromTap } from '../../../../relay-server/src/media/tap/ffmpeg.js';
import { startTestRelay, type TestRelay } from '../../../support/relay.js';
import { GST_PYTHON, startGstPublisher, type GstPublisher } from '../gstreamer/publisher.js';
import { createPublisher, type SyntheticPublisher } from '../support/peers.js';
import { postOffer } from '../support/whip-client.js';

/** One framecrc line per decoded frame: `stream, dts, pts, duration, size, crc`. */
interface Decoded {
  dimensions: string | undefined;
  video: number[];
  audio: number[];
}

function parseFramecrc(out: string): Decoded {
  const decoded: Decoded = { dimensions: /#dimensions 0: (\d+x\d+)/.exec(out)?.[1], video: [], audio: [] };
  const timeBases = new Map<string, number>();
  for (const match of out.matchAll(/#tb (\d+): (\d+)\/(\d+)/g)) timeBases.set(match[1] ?? '', Number(match[2]) / Number(match[3]));
  const kinds = new Map<string, 'video' | 'audio'>();
  for (const match of out.matchAll(/#media_type (\d+): (video|audio)/g)) kinds.set(match[1] ?? '', match[2] === 'video' ? 'video' : 'audio');
  for (const line of out.split('\n')) {
    const fields = line.split(',').map((f) => f.trim());
    if (fields.length < 6 || line.startsWith('#')) continue;
    const [stream = '', , pts = ''] = fields;
    const kind = kinds.get(stream);
    if (kind) decoded[kind].push(Number(pts) * (timeBases.get(stream) ?? 0));
  }
  return decoded;
}

/** Reads the tap with ffmpeg until it decoded `frames` video frames; what it decoded. */
async function decodeWithFfmpeg(tap: RtpTap, frames: number): Promise<Decoded> {
  const sdp = await tap.describe();
  expect(sdp).not.toBeNull();
  const ffmpeg = spawnFromTap('ffmpeg', sdp ?? '', ['-frames:v', String(frames), '-f', 'framecrc', '-']);
  let out = '';
  ffmpeg.child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  await tap.start();
  const exit = await ffmpeg.exited;
  expect(exit.code, ffmpeg.stderrTail()).toBe(0);
  return parseFramecrc(out);
}

const haveGstreamer = existsSync(GST_PYTHON) && existsSync('/usr/lib/x86_64-linux-gnu/girepository-1.0/GstWebRTC-1.0.typelib');

describe('media tap: the program as RTP + SDP on loopback, read by ffmpeg', () => {
  let t: TestRelay;
  let ffmpegOk = false;
  const publishers: SyntheticPublisher[] = [];
  const gst: GstPublisher[] = [];
  const taps: RtpTap[] = [];

  beforeAll(async () => {
    t = await startTestRelay({ dialect: 'sqlite' });
    ffmpegOk = (await probeFfmpeg('ffmpeg')) !== null;
  });

  afterAll(async () => {
    for (const tap of taps) tap.close();
    for (const publisher of publishers) publisher.close();
    await Promise.all(gst.map((p) => p.stop()));
    await t?.close();
  });

  async function liveSession(): Promise<{ id: string; token: string }> {
    const host = await t.register();
    const created = await t.api('POST', '/api/sessions', { token: host.token, body: { title: 'Tap', type: 'video', isPublic: true } });
    const { session } = SessionReply.parse(created.body);
    await t.api('POST', `/api/sessions/${session.id}/start`, { token: host.token });
    return { id: session.id, token: host.token };
  }

  async function openTap(sessionId: string): Promise<RtpTap> {
    const source = t.relay.ctx.services.get('media').tapSource(sessionId);
    if (!source) throw new Error('no embedded forwarder');
    const tap = await RtpTap.open(source, { keyframeIntervalMs: 2_000 });
    taps.push(tap);
    return tap;
  }

  it('VP8 from a WebRTC publisher: ffmpeg decodes moving frames at the program size', async () => {
    expect(ffmpegOk, 'ffmpeg must be installed (.ci/run installs it)').toBe(true);
    const session = await liveSession();
    const publisher = await createPublisher({ width: 320, height: 180, fps: 15 });
    publishers.push(publisher);
    const reply = await postOffer(`${t.url}/api/whip/${session.id}`, publisher.offer, { token: session.token });
    expect(reply.status).toBe(201);
    await publisher.accept(reply.body);
    const tap = await openTap(session.id);
    const decoded = await decodeWithFfmpeg(tap, 30);
    expect(decoded.dimensions).toBe('320x180');
    expect(tap.videoSize).toEqual({ width: 320, height: 180 });
    expect(decoded.video.length).toBe(30);
    expect(tap.kinds).toEqual(['video']);
    // 30 frames at 15 fps: about two seconds of media, in increasing order.
    const span = (decoded.video.at(-1) ?? 0) - (decoded.video[0] ?? 0);
    expect(span).toBeGreaterThan(1.5);
    expect(decoded.video).toEqual([...decoded.video].sort((a, b) => a - b));
  }, 60_000);

  it.skipIf(!haveGstreamer && process.env.CI !== 'true')('H.264 + Opus from an OBS-shaped encoder: ffmpeg decodes video and audio, in sync', async () => {
    const session = await liveSession();
    const publisher = startGstPublisher(`${t.url}/api/whip/${session.id}`, ['--token', session.token, '--profile', 'high']);
    gst.push(publisher);
    expect(await publisher.line('status')).toBe('status 201');
    await publisher.line('connected');
    const tap = await openTap(session.id);
    const decoded = await decodeWithFfmpeg(tap, 60);
    expect(tap.kinds).toEqual(['video', 'audio']);
    expect(decoded.dimensions).toBe('640x360');
    expect(tap.videoSize).toEqual({ width: 640, height: 360 });
    expect(decoded.video.length).toBe(60);
    expect(decoded.audio.length).toBeGreaterThan(20);
    // Both streams on one clock (RTCP sender reports): their first frames are close in time.
    expect(Math.abs((decoded.audio[0] ?? 0) - (decoded.video[0] ?? 0))).toBeLessThan(0.5);
  }, 90_000);

  it('ends when the session media closes, and a closed tap stops sending', async () => {
    const session = await liveSession();
    const tap = await openTap(session.id);
    let ended = false;
    tap.onEnd(() => (ended = true));
    expect(await t.api('POST', `/api/sessions/${session.id}/end`, { token: session.token })).toMatchObject({ status: 200 });
    await expect.poll(() => ended, { timeout: 15_000 }).toBe(true);
  }, 30_000);
});
