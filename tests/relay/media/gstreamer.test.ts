import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SessionReply } from '../../../protocol/sessions.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';
import { GST_PYTHON, startGstPublisher, type GstPublisher } from './gstreamer/publisher.js';

/**
 * An encoder nobody here wrote: GStreamer's webrtcbin with x264enc (Debian's packages), publishing H.264 +
 * Opus shaped as OBS shapes its WHIP offer; Chromium plays it back through the forwarder with WHEP.
 */
const PAGE_SCRIPT = path.join(import.meta.dirname, 'browser/whip-page.js');
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--allow-loopback-in-peer-connection', '--autoplay-policy=no-user-gesture-required'];
const Played = z.object({ status: z.number(), width: z.number(), height: z.number(), audioPackets: z.number() });
const Received = z.object({ framesDecoded: z.number(), codec: z.string(), audioEnergy: z.number() });

const haveGstreamer = existsSync(GST_PYTHON) && existsSync('/usr/lib/x86_64-linux-gnu/girepository-1.0/GstWebRTC-1.0.typelib');

describe.skipIf(!haveGstreamer && process.env.CI !== 'true')('GStreamer webrtcbin (x264enc) publishes H.264 with WHIP; Chromium plays it through the forwarder', () => {
  let t: TestRelay;
  let browser: Browser;
  const publishers: GstPublisher[] = [];

  beforeAll(async () => {
    t = await startTestRelay({ dialect: 'sqlite' });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  });

  afterAll(async () => {
    await Promise.all(publishers.map((p) => p.stop()));
    await browser?.close();
    await t?.close();
  });

  async function liveSession(): Promise<{ id: string; token: string }> {
    const host = await t.register();
    const created = await t.api('POST', '/api/sessions', { token: host.token, body: { title: 'GStreamer', type: 'video', isPublic: true } });
    const { session } = SessionReply.parse(created.body);
    await t.api('POST', `/api/sessions/${session.id}/start`, { token: host.token });
    return { id: session.id, token: host.token };
  }

  async function viewerPage(): Promise<Page> {
    const page = await browser.newPage();
    await page.addInitScript({ path: PAGE_SCRIPT });
    await page.route(`${t.url}/blank`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title>' }));
    await page.goto(`${t.url}/blank`);
    return page;
  }

  const received = async (page: Page) => Received.parse(await page.evaluate('window.__whip.received()'));

  for (const profile of ['constrained-baseline', 'main', 'high']) {
    it(`x264 ${profile}: an OBS-shaped offer (one H.264 payload type, Opus, no candidates) goes live and a Chromium viewer decodes moving video and hears audio`, async () => {
      const session = await liveSession();
      const publisher = startGstPublisher(`${t.url}/api/whip/${session.id}`, ['--token', session.token, '--profile', profile]);
      publishers.push(publisher);
      expect(await publisher.line('status')).toBe('status 201');
      await publisher.line('connected');

      const viewer = await viewerPage();
      const played = Played.parse(await viewer.evaluate(`window.__whip.play(${JSON.stringify(`${t.url}/api/whep/${session.id}`)}, true)`));
      expect(played).toMatchObject({ status: 201, width: 640, height: 360 });
      expect(played.audioPackets).toBeGreaterThan(0);
      const first = await received(viewer);
      expect(first.codec).toBe('video/H264');
      // Moving: frames keep being decoded, and the sine tone carries energy.
      await expect.poll(async () => (await received(viewer)).framesDecoded, { timeout: 20_000 }).toBeGreaterThan(first.framesDecoded + 30);
      await expect.poll(async () => (await received(viewer)).audioEnergy, { timeout: 20_000 }).toBeGreaterThan(0);
      await viewer.close();
      await publisher.stop();
    }, 90_000); // room for libnice's occasional abort and a reconnect, as OBS would (see gstreamer/publisher.ts)
  }

  it('refuses the same encoder without a token (401)', async () => {
    const session = await liveSession();
    const anonymous = startGstPublisher(`${t.url}/api/whip/${session.id}`, []);
    publishers.push(anonymous);
    expect(await anonymous.line('status')).toBe('status 401');
    await anonymous.stop();
  });
});
