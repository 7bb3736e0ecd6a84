import net from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NewStreamKeyReply, StreamKeysReply } from '../../../protocol/ingest.js';
import { MaybeSessionReply, SessionReply } from '../../../protocol/sessions.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';
import { startRtmpEncoder, type RtmpEncoder } from './support/rtmp-encoder.js';

/**
 * RTMP ingest with Debian's ffmpeg as the encoder (what OBS, Streamlabs or a phone app send: x264 + AAC
 * in FLV), played back by Chromium through the forwarder with WHEP: H.264 untouched, AAC turned into Opus.
 */
const PAGE_SCRIPT = path.join(import.meta.dirname, '../media/browser/whip-page.js');
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--allow-loopback-in-peer-connection', '--autoplay-policy=no-user-gesture-required'];
const Played = z.object({ status: z.number(), width: z.number(), height: z.number(), audioPackets: z.number() });
const Received = z.object({ framesDecoded: z.number(), codec: z.string(), audioEnergy: z.number() });
/** Long enough to reconnect in on a loaded machine, short enough to wait out. */
const GRACE_MS = 8_000;

describe('RTMP ingest (rtmp://relay/live/<stream key>, ffmpeg as the encoder)', () => {
  let t: TestRelay;
  let browser: Browser;
  let rtmpUrl = '';
  const encoders: RtmpEncoder[] = [];

  beforeAll(async () => {
    t = await startTestRelay({ dialect: 'sqlite', env: { RTMP_PORT: '0', INGEST_RECONNECT_GRACE: String(GRACE_MS) } });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  });
  afterAll(async () => {
    await Promise.all(encoders.map((e) => e.stop()));
    await browser?.close();
    await t?.close();
  });

  async function ownerWithKey() {
    const owner = await t.register();
    const created = NewStreamKeyReply.parse((await t.api('POST', '/api/stream-keys', { token: owner.token, body: { label: 'ffmpeg' } })).body);
    const listed = StreamKeysReply.parse((await t.api('GET', '/api/stream-keys', { token: owner.token })).body);
    rtmpUrl = listed.ingest.rtmpUrl ?? '';
    return { ...owner, secret: created.secret, keyId: created.key.id };
  }

  const currentSession = async (token: string) => MaybeSessionReply.parse((await t.api('GET', '/api/sessions/current', { token })).body).session;

  function encode(key: string, options: Parameters<typeof startRtmpEncoder>[1] = {}): RtmpEncoder {
    const encoder = startRtmpEncoder(`${rtmpUrl}/${key}`, options);
    encoders.push(encoder);
    return encoder;
  }

  async function liveSessionOf(token: string): Promise<string> {
    await expect.poll(async () => (await currentSession(token))?.state, { timeout: 20_000 }).toBe('live');
    const session = await currentSession(token);
    await expect.poll(async () => (await t.api('GET', `/api/sessions/${session?.id ?? ''}`)).status).toBe(200);
    return session?.id ?? '';
  }

  async function viewer(sessionId: string): Promise<Page> {
    const page = await browser.newPage();
    await page.addInitScript({ path: PAGE_SCRIPT });
    await page.route(`${t.url}/blank`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title>' }));
    await page.goto(`${t.url}/blank`);
    const played = Played.parse(await page.evaluate(`window.__whip.play(${JSON.stringify(`${t.url}/api/whep/${sessionId}`)}, true)`));
    expect(played).toMatchObject({ status: 201, width: 640, height: 360 });
    return page;
  }

  const received = async (page: Page) => Received.parse(await page.evaluate('window.__whip.received()'));

  async function expectMoving(page: Page): Promise<void> {
    const first = await received(page);
    expect(first.codec).toBe('video/H264');
    await expect.poll(async () => (await received(page)).framesDecoded, { timeout: 20_000 }).toBeGreaterThan(first.framesDecoded + 30);
    await expect.poll(async () => (await received(page)).audioEnergy, { timeout: 20_000 }).toBeGreaterThan(0);
  }

  it('an RTMP encoder goes live from the saved defaults; a Chromium viewer decodes moving H.264 and hears the AAC tone as Opus', async () => {
    const owner = await ownerWithKey();
    expect(rtmpUrl).toMatch(/^rtmp:\/\/127\.0\.0\.1:\d+\/live$/);
    await t.api('PATCH', '/api/ingest/defaults', { token: owner.token, body: { title: 'From RTMP', type: 'video', isPublic: true } });
    encode(owner.secret, { profile: 'high' });
    const sessionId = await liveSessionOf(owner.token);
    expect(await currentSession(owner.token)).toMatchObject({ title: 'From RTMP', isPublic: true });
    const page = await viewer(sessionId);
    await expectMoving(page);
    await page.close();
  }, 60_000);

  it('refuses a wrong key, a revoked key, a login token, no key and another application; nothing goes live', async () => {
    const owner = await ownerWithKey();
    await t.api('DELETE', `/api/stream-keys/${owner.keyId}`, { token: owner.token });
    const attempts = [
      `afk_live_${'x'.repeat(32)}`,
      owner.secret,
      owner.token,
    ].map((key) => encode(key, { seconds: 20 }));
    const noKey = startRtmpEncoder(`${rtmpUrl}/`, { seconds: 20 });
    const otherApp = startRtmpEncoder(`${rtmpUrl.replace(/\/live$/, '/other')}/${owner.secret}`, { seconds: 20 });
    encoders.push(noKey, otherApp);
    for (const encoder of [...attempts, noKey, otherApp]) expect(await encoder.exited).not.toBe(0);
    expect(attempts[0]?.output()).toContain('This stream key is not valid');
    expect(attempts[1]?.output()).toContain('This stream key is not valid');
    expect(otherApp.output()).toContain('/live/<stream key>');
    expect(await currentSession(owner.token)).toBeNull();
  }, 60_000);

  it('a second encoder on the same key is refused while the first keeps streaming to its viewers', async () => {
    const owner = await ownerWithKey();
    encode(owner.secret);
    const sessionId = await liveSessionOf(owner.token);
    const page = await viewer(sessionId);
    const second = encode(owner.secret, { seconds: 30 });
    expect(await second.exited).not.toBe(0);
    expect(second.output()).toContain('already streaming with this stream key');
    await expectMoving(page);
    expect((await currentSession(owner.token))?.id).toBe(sessionId);
    await page.close();
  }, 90_000);

  it('garbage, a half handshake and an oversized chunk on the RTMP port are dropped; the port keeps working', async () => {
    const port = Number(new URL(rtmpUrl.replace(/^rtmp/, 'http')).port);
    const hostile = [
      Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n'),
      Buffer.alloc(3000, 0xff),
      // A valid C0+C1, then a chunk header announcing a 16 MB message of an unknown type.
      Buffer.concat([Buffer.from([3]), Buffer.alloc(1536), Buffer.alloc(1536), Buffer.from([0x03, 0, 0, 0, 0xff, 0xff, 0xff, 0x14, 0, 0, 0, 0]), Buffer.alloc(4000, 0x41)]),
    ];
    for (const bytes of hostile) {
      const closed = await new Promise<boolean>((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes));
        socket.on('data', () => undefined);
        socket.on('close', () => resolve(true));
        socket.on('error', () => undefined);
        setTimeout(() => {
          socket.destroy();
          resolve(false);
        }, 20_000).unref();
      });
      expect(closed).toBe(true);
    }
    const owner = await ownerWithKey();
    encode(owner.secret);
    await liveSessionOf(owner.token);
  }, 90_000);

  it('an encoder that drops mid-stream and comes back within the grace period resumes the same live; past it the live ends', async () => {
    const owner = await ownerWithKey();
    const first = encode(owner.secret);
    const sessionId = await liveSessionOf(owner.token);
    await first.stop(); // killed: no clean RTMP close, as a crash or a cut cable
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect((await currentSession(owner.token))?.state).toBe('live');
    encode(owner.secret);
    const page = await viewer(sessionId);
    await expectMoving(page);
    expect((await currentSession(owner.token))?.id).toBe(sessionId);
    await page.close();

    // Stopping for good: the live ends once the grace period is over.
    await Promise.all(encoders.map((e) => e.stop()));
    await expect.poll(async () => SessionReply.parse((await t.api('GET', `/api/sessions/${sessionId}`, { token: owner.token })).body).session.state, { timeout: GRACE_MS + 15_000 }).toBe('ended');
  }, 90_000);
});
