/**
 * Glass-to-glass on LL-HLS in Chromium, on pixels, the way bench/webrtc-latency measures WebRTC: the
 * testbench publisher page draws the wall clock into every frame as a block code and publishes it (WebRTC)
 * to a relay process serving the pages; the packager encodes it to LL-HLS; /watch/:id?transport=hls
 * plays it through the repository's nginx CDN (PUBLIC_HLS_URL) with hls.js; every presented frame's
 * code is read back and compared with its presentation time (same machine, same clock). The highest
 * rendition is picked (the program's own size: the code is read at 1:1). Samples are taken in rounds
 * spread over the playback; hls.js's own latency estimate (from PROGRAM-DATE-TIME) is kept beside them.
 */
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { z } from 'zod';
import { chromiumArgs } from '../../playwright.config.js';
import { buildPages, buildTestbench } from '../../tests/e2e/support/build.js';
import { glassToGlass, instrument } from '../../tests/e2e/support/probes.js';
import { RelayApi } from '../../tests/e2e/support/relay-api.js';
import { startRelayProcess } from '../../tests/e2e/support/relay-process.js';
import { DEPLOYED_RELAY_ENV } from '../support/deployed-relay.js';
import { startStaticServer } from '../../tests/e2e/support/static-server.js';
import { freePort, startCdn } from '../../tests/relay/hls/support/nginx.js';
import { sleep } from './live.js';

const root = path.resolve(import.meta.dirname, '../..');
const PLAYER = '[data-testid="player"]';
const Playback = z.object({ decoded: z.number(), latency: z.number().nullable(), levels: z.array(z.number()), level: z.number() });

export interface GlassToGlass {
  latenciesMs: number[];
  unreadableFrames: number;
  /** hls.js `latency` (s behind the live edge by PROGRAM-DATE-TIME) at each round. */
  hlsJsLatencyS: number[];
  playedHeight: number;
}

async function playback(viewer: Page) {
  return Playback.parse(await viewer.evaluate(`(() => {
    const hls = window.__hls;
    const video = document.querySelector('${PLAYER}');
    return { decoded: video ? video.getVideoPlaybackQuality().totalVideoFrames : 0, latency: hls && Number.isFinite(hls.latency) ? hls.latency : null,
      levels: hls ? hls.levels.map((l) => l.height) : [], level: hls ? hls.currentLevel : -1 };
  })()`));
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(500);
  }
}

async function measureOnPages(browser: Browser, relayUrl: string, testbenchUrl: string, rounds: number, framesPerRound: number): Promise<GlassToGlass> {
  const relay = new RelayApi(relayUrl);
  const host = await relay.signUp('hlsbench');
  const session = await relay.createSession(host, 'video', { title: 'LL-HLS latency bench', isPublic: true });
  const publisher = await (await browser.newContext()).newPage();
  await instrument(publisher);
  const query = new URLSearchParams({ relay: relayUrl, session: session.id, token: host.token, type: 'video', start: '1' });
  await publisher.goto(`${testbenchUrl}/__testbench/?${query.toString()}`);
  await publisher.getByTestId('testbench-state').filter({ hasText: 'publishing' }).waitFor({ timeout: 30_000 });

  // The page's own Content-Security-Policy applies: the relay names the CDN (PUBLIC_HLS_URL) in it.
  const viewer = await (await browser.newContext({ baseURL: relayUrl })).newPage();
  await instrument(viewer);
  // What the viewer page said, for the error when it never plays.
  const said: string[] = [];
  viewer.on('console', (m) => said.push(`${m.type()}: ${m.text()}`.slice(0, 300)));
  viewer.on('requestfailed', (r) => said.push(`failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  await viewer.goto(`/watch/${session.id}?transport=hls`);
  await viewer.locator(`${PLAYER}[data-transport="hls"]`).waitFor({ timeout: 60_000 });
  await waitFor(async () => (await playback(viewer)).decoded > 60, 60_000, 'LL-HLS frames').catch(async (err: unknown) => {
    throw new Error(`${String(err)}; player ${JSON.stringify(await playback(viewer))}; page: ${said.slice(-15).join(' | ')}`);
  });
  const { levels } = await playback(viewer);
  const top = Math.max(...levels);
  await viewer.getByTestId('quality-picker').selectOption({ label: `${top}p` });
  await waitFor(async () => (await playback(viewer)).level === levels.indexOf(top), 20_000, `the ${top}p rendition`);
  await sleep(4_000); // the player's buffer holds frames of the lower rendition for a few seconds

  const result: GlassToGlass = { latenciesMs: [], unreadableFrames: 0, hlsJsLatencyS: [], playedHeight: top };
  for (let i = 0; i < rounds; i++) {
    const g2g = await glassToGlass(viewer, PLAYER, framesPerRound);
    result.latenciesMs.push(...g2g.latencies.map((ms) => Math.round(ms)));
    result.unreadableFrames += g2g.unreadable;
    const { latency } = await playback(viewer);
    if (latency !== null) result.hlsJsLatencyS.push(Math.round(latency * 100) / 100);
    await sleep(1_000);
  }
  await viewer.context().close();
  await publisher.context().close();
  return result;
}

/** A relay process serving the pages, nginx in front of its /hls, Chromium with the publisher and one viewer. */
export async function measureGlassToGlass(rounds: number, framesPerRound: number): Promise<GlassToGlass & { browser: string }> {
  const webRoot = buildPages(root);
  const testbench = await startStaticServer(buildTestbench(root));
  const cdnPort = await freePort();
  const relay = await startRelayProcess({ root, webRoot, env: { ...DEPLOYED_RELAY_ENV, WEBSOCKET_CORS_ORIGIN: testbench.url, PUBLIC_HLS_URL: `http://127.0.0.1:${cdnPort}` } });
  const cdn = await startCdn([`127.0.0.1:${relay.port}`], { port: cdnPort }).catch(async (err: unknown) => {
    await relay.stop();
    throw err;
  });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
  try {
    return { ...(await measureOnPages(browser, relay.url, testbench.url, rounds, framesPerRound)), browser: browser.version() };
  } finally {
    await browser.close();
    await cdn.stop();
    await relay.stop();
    await testbench.stop();
  }
}
