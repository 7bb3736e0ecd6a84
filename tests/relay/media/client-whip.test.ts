import path from 'node:path';
import { build } from 'esbuild';
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
const Played = z.object({ transport: z.string(), width: z.number(), height: z.number(), state: z.string() });

/** The renderer's media layer (createProgramPublisher / createProgramPlayer) in Chromium, over WHIP/WHEP. */
describe('the studio and viewer media factories choose WHIP/WHEP from the relay hint', () => {
  let t: TestRelay;
  let browser: Browser;
  let bundle: string;

  beforeAll(async () => {
    const built = await build({
      entryPoints: [path.join(import.meta.dirname, 'browser/client-entry.ts')],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'chrome120',
      write: false,
      logLevel: 'silent',
    });
    bundle = built.outputFiles[0]?.text ?? '';
    t = await startTestRelay({ dialect: 'sqlite' });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function pageOnRelayOrigin(): Promise<Page> {
    const page = await browser.newPage();
    await page.route(`${t.url}/blank`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title>' }));
    await page.goto(`${t.url}/blank`);
    await page.addScriptTag({ content: bundle });
    return page;
  }

  it('publishes a public session once and plays it to an anonymous viewer through the forwarder', async () => {
    const host = await t.register();
    const created = await t.api('POST', '/api/sessions', { token: host.token, body: { title: 'Client', type: 'video', isPublic: true } });
    const { session } = SessionReply.parse(created.body);
    await t.api('POST', `/api/sessions/${session.id}/start`, { token: host.token });
    const studio = await pageOnRelayOrigin();
    expect(await studio.evaluate(`window.__client.publish(${JSON.stringify(session.id)}, ${JSON.stringify(host.token)})`)).toBe('whip');
    const viewer = await pageOnRelayOrigin();
    const played = Played.parse(await viewer.evaluate(`window.__client.play(${JSON.stringify(session.id)})`));
    expect(played).toEqual({ transport: 'whip', width: 640, height: 360, state: 'playing' });
  });
});
