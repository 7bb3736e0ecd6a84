/**
 * WebRTC latency of the viewer path (`npm run bench webrtc-latency`; not a test):
 *  - join → first decoded frame: a fresh viewer opens /watch/:id (page load, guest account, join,
 *    signaling, ICE/DTLS, first keyframe) until the player presents its first frame; 20 joins, p50/p95;
 *  - glass-to-glass: the testbench publisher draws the wall-clock time into each frame; the viewer
 *    reads it back from presented frames (same browser, same clock);
 *  - baseline: a bare RTCPeerConnection between two pages (no relay, no app code) measured the same way.
 * Writes bench/results/webrtc-latency.json and prints a table.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { z } from 'zod';
import { chromiumArgs } from '../../playwright.config.js';
import { buildPages, buildTestbench } from '../../tests/e2e/support/build.js';
import { firstFrameAt, firstPeerConnectionAt, glassToGlass, instrument } from '../../tests/e2e/support/probes.js';
import { RelayApi } from '../../tests/e2e/support/relay-api.js';
import { startRelayProcess } from '../../tests/e2e/support/relay-process.js';
import { DEPLOYED_RELAY_ENV } from '../support/deployed-relay.js';
import { startStaticServer } from '../../tests/e2e/support/static-server.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const JOINS = Number(process.env.BENCH_JOINS ?? 20);
const G2G_FRAMES = Number(process.env.BENCH_G2G_FRAMES ?? 150);
const PLAYER = '[data-testid="player"]';
/** The main thread's tasks, scripts and layouts, with JavaScript samples: where a join's time goes. */
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'disabled-by-default-v8.cpu_profiler'];

interface Summary {
  n: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
  mean: number;
}

export function summarize(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    n: sorted.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    min: round(sorted[0] ?? NaN),
    max: round(sorted[sorted.length - 1] ?? NaN),
    mean: round(sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length)),
  };
}

async function newPage(browser: Browser, baseURL?: string): Promise<Page> {
  const context = await browser.newContext(baseURL ? { baseURL } : {});
  const page = await context.newPage();
  await instrument(page);
  return page;
}

/** The app path: testbench publisher → relay signaling → /watch/:id. */
async function measureApp(browser: Browser, relayUrl: string, testbenchUrl: string) {
  const relay = new RelayApi(relayUrl);
  const host = await relay.signUp('bench');
  const session = await relay.createSession(host, 'video', { title: 'webrtc latency bench' });
  const publisher = await newPage(browser);
  const query = new URLSearchParams({ relay: relayUrl, session: session.id, token: host.token, type: 'video', start: '1' });
  await publisher.goto(`${testbenchUrl}/__testbench/?${query.toString()}`);
  await publisher.getByTestId('testbench-state').filter({ hasText: 'publishing' }).waitFor({ timeout: 30_000 });

  const joins: number[] = [];
  const links: number[] = [];
  for (let i = 0; i < JOINS; i++) {
    const viewer = await newPage(browser, relayUrl);
    // BENCH_TRACE=<file>: a Chromium trace of the last join (open it in chrome://tracing or Perfetto).
    const tracing = process.env.BENCH_TRACE !== undefined && i === JOINS - 1;
    if (tracing) await browser.startTracing(viewer, { path: process.env.BENCH_TRACE, categories: TRACE_CATEGORIES });
    await viewer.goto(`/watch/${session.id}`);
    const frameAt = await firstFrameAt(viewer, PLAYER);
    if (tracing) await browser.stopTracing();
    joins.push(frameAt);
    links.push(frameAt - ((await firstPeerConnectionAt(viewer)) ?? 0));
    if (i === JOINS - 1) {
      if (process.env.BENCH_WATERFALL === '1') await printWaterfall(viewer, frameAt);
      const g2g = await glassToGlass(viewer, PLAYER, G2G_FRAMES);
      await viewer.context().close();
      await publisher.context().close();
      return { joins, links, g2g };
    }
    await viewer.context().close();
  }
  throw new Error('no joins');
}

const Entry = z.object({ name: z.string(), startTime: z.number(), responseEnd: z.number() });

/** BENCH_WATERFALL=1: where one join's time went (every request from navigation start, then the first frame). */
async function printWaterfall(viewer: Page, frameAt: number): Promise<void> {
  const entries = z.array(Entry).parse(
    await viewer.evaluate(`performance.getEntries().filter((e) => e.entryType === 'resource' || e.entryType === 'navigation').map((e) => ({ name: e.name, startTime: e.startTime, responseEnd: e.responseEnd }))`),
  );
  console.log('waterfall of the last join (ms from navigation start):');
  for (const e of entries) console.log(`  ${e.startTime.toFixed(0).padStart(6)} → ${e.responseEnd.toFixed(0).padStart(6)}  ${new URL(e.name).pathname}`);
  console.log(`  peer connection created at ${((await firstPeerConnectionAt(viewer)) ?? NaN).toFixed(0)}, first frame at ${frameAt.toFixed(0)}`);
}

/** The baseline: two bare pages, SDP passed by this process. */
async function measureBare(browser: Browser, pageUrl: string) {
  const script = path.join(here, 'browser/bare.js');
  const Offer = z.object({ type: z.string(), sdp: z.string() });
  const Answer = z.object({ answer: Offer, startedAt: z.number() });
  const sender = await newPage(browser);
  await sender.addInitScript({ path: script });
  await sender.goto(pageUrl);
  const offer = Offer.parse(await sender.evaluate('window.__bare.offer()'));
  const joins: number[] = [];
  let g2g: { latencies: number[]; unreadable: number } = { latencies: [], unreadable: 0 };
  for (let i = 0; i < JOINS; i++) {
    // Each join needs its own offer: a fresh sender connection per receiver.
    const senderPage = i === 0 ? sender : await newPage(browser);
    let thisOffer = offer;
    if (i > 0) {
      await senderPage.addInitScript({ path: script });
      await senderPage.goto(pageUrl);
      thisOffer = Offer.parse(await senderPage.evaluate('window.__bare.offer()'));
    }
    const receiver = await newPage(browser);
    await receiver.addInitScript({ path: script });
    await receiver.goto(pageUrl);
    const { answer, startedAt } = Answer.parse(await receiver.evaluate(`window.__bare.answer(${JSON.stringify(thisOffer)})`));
    await senderPage.evaluate(`window.__bare.accept(${JSON.stringify(answer)})`);
    joins.push((await firstFrameAt(receiver, '[data-testid="bare-player"]')) - startedAt);
    if (i === JOINS - 1) g2g = await glassToGlass(receiver, '[data-testid="bare-player"]', G2G_FRAMES);
    await receiver.context().close();
    await senderPage.context().close();
  }
  return { joins, g2g };
}

export async function run(): Promise<unknown> {
  const webRoot = buildPages(root);
  const testbenchRoot = buildTestbench(root);
  const testbench = await startStaticServer(testbenchRoot);
  const relay = await startRelayProcess({ root, webRoot, env: { ...DEPLOYED_RELAY_ENV, WEBSOCKET_CORS_ORIGIN: testbench.url } });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
  try {
    const app = await measureApp(browser, relay.url, testbench.url);
    const bare = await measureBare(browser, `${testbench.url}/__testbench/missing`);
    const result = {
      benchmark: 'webrtc-latency',
      at: new Date().toISOString(),
      machine: { cpus: (await import('node:os')).cpus().length, node: process.version, browser: browser.version() },
      joins: JOINS,
      app: {
        joinToFirstFrameMs: summarize(app.joins),
        peerConnectionToFirstFrameMs: summarize(app.links),
        glassToGlassMs: summarize(app.g2g.latencies),
        unreadableFrames: app.g2g.unreadable,
        note: 'join = navigation start of /watch/:id (incl. page load, guest sign-up, join, signaling) to first presented frame; peer link = the viewer creating its RTCPeerConnection (hello to the host) to first presented frame',
      },
      bareRtcPeerConnection: {
        joinToFirstFrameMs: summarize(bare.joins),
        glassToGlassMs: summarize(bare.g2g.latencies),
        unreadableFrames: bare.g2g.unreadable,
        note: 'join = receiver setRemoteDescription(offer) to first presented frame; SDP exchanged directly, no relay',
      },
    };
    mkdirSync(path.join(root, 'bench/results'), { recursive: true });
    writeFileSync(path.join(root, 'bench/results/webrtc-latency.json'), `${JSON.stringify(result, null, 2)}\n`);
    printTable(result.app, result.bareRtcPeerConnection);
    return result;
  } finally {
    await browser.close();
    await relay.stop();
    await testbench.stop();
  }
}

function printTable(app: { joinToFirstFrameMs: Summary; peerConnectionToFirstFrameMs: Summary; glassToGlassMs: Summary }, bare: { joinToFirstFrameMs: Summary; glassToGlassMs: Summary }) {
  const rows = [
    ['app: join → first frame (ms)', app.joinToFirstFrameMs],
    ['app: peer link → first frame (ms)', app.peerConnectionToFirstFrameMs],
    ['bare: connect → first frame (ms)', bare.joinToFirstFrameMs],
    ['app: glass-to-glass (ms)', app.glassToGlassMs],
    ['bare: glass-to-glass (ms)', bare.glassToGlassMs],
  ] as const;
  console.log(`${'measure'.padEnd(36)}${'n'.padStart(6)}${'p50'.padStart(9)}${'p95'.padStart(9)}${'min'.padStart(9)}${'max'.padStart(9)}`);
  for (const [label, s] of rows) {
    console.log(`${label.padEnd(36)}${String(s.n).padStart(6)}${String(s.p50).padStart(9)}${String(s.p95).padStart(9)}${String(s.min).padStart(9)}${String(s.max).padStart(9)}`);
  }
}
