import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SessionReply } from '../../../protocol/sessions.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';

const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream', '--allow-loopback-in-peer-connection',
];
const PAGE_SCRIPT = path.join(import.meta.dirname, 'browser/whip-page.js');
const Played = z.object({ status: z.number(), width: z.number(), height: z.number(), audioPackets: z.number() });

describe('Chromium publishes with WHIP and plays with WHEP through the embedded forwarder', () => {
  let t: TestRelay;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestRelay({ dialect: 'sqlite' });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A page on the relay's origin (so fetch is same-origin) without the API's `default-src 'none'` CSP. */
  async function blankPageOnRelayOrigin(): Promise<Page> {
    const page = await browser.newPage();
    await page.addInitScript({ path: PAGE_SCRIPT });
    await page.route(`${t.url}/blank`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title>' }));
    await page.goto(`${t.url}/blank`);
    return page;
  }

  it('delivers the studio camera and microphone (VP8 + Opus) to a Chromium viewer', async () => {
    const host = await t.register();
    const created = await t.api('POST', '/api/sessions', { token: host.token, body: { title: 'Chromium', type: 'video', isPublic: true } });
    const { session } = SessionReply.parse(created.body);
    await t.api('POST', `/api/sessions/${session.id}/start`, { token: host.token });
    const studio = await blankPageOnRelayOrigin();
    const whip = `${t.url}/api/whip/${session.id}`;
    expect(await studio.evaluate(`window.__whip.publish(${JSON.stringify(whip)}, ${JSON.stringify(host.token)})`)).toBe(201);
    const viewer = await blankPageOnRelayOrigin();
    const played = Played.parse(await viewer.evaluate(`window.__whip.play(${JSON.stringify(`${t.url}/api/whep/${session.id}`)})`));
    expect(played).toMatchObject({ status: 201, width: 640, height: 360 });
    expect(played.audioPackets).toBeGreaterThan(0);
  });
});
