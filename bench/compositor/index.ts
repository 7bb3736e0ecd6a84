/**
 * Compositor benchmark (not a test): frame time of the studio's Compositor in headless Chromium at
 * 720p30 and 1080p30 with ten fake-camera tiles and an animated 1080p screen source, over 20 s each,
 * beside a bare loop that only drawImages the same sources; then the frame rate with the page hidden
 * (another tab in front). Writes bench/results/compositor.json and prints a table.
 */
import { createReadStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import type { BenchApi, PhaseResult } from './types.js';

/** The bench page's global, as seen from code passed to page.evaluate (runs in the browser). */
declare const window: { bench: BenchApi };

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const outDir = path.join(repo, 'test-results/bench-compositor-web');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const HIDDEN_SECONDS = Number(process.env.BENCH_HIDDEN_SECONDS ?? 10);
const FORMATS = [
  { name: '720p30', width: 1280, height: 720, fps: 30 },
  { name: '1080p30', width: 1920, height: 1080, fps: 30 },
];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

function summarize(r: PhaseResult, fps: number) {
  const expected = Math.floor((r.elapsedMs / 1000) * fps);
  return {
    frames: r.frames,
    expectedFrames: expected,
    fps: Math.round((r.frames / (r.elapsedMs / 1000)) * 10) / 10,
    p50Ms: Math.round(percentile(r.durationsMs, 50) * 100) / 100,
    p99Ms: Math.round(percentile(r.durationsMs, 99) * 100) / 100,
    maxMs: Math.round(Math.max(0, ...r.durationsMs) * 100) / 100,
    missedFrames: Math.max(r.missed, expected - r.frames),
    hidden: r.hiddenDuringRun,
  };
}

async function buildPage(): Promise<void> {
  await build({
    root: repo,
    configFile: false,
    logLevel: 'warn',
    base: '/',
    build: { outDir, emptyOutDir: true, rollupOptions: { input: { page: path.join(here, 'browser/page.html') } } },
  });
}

function serve(): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((req, res) => {
    const file = path.join(outDir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!file.startsWith(outDir) || !existsSync(file)) return void res.writeHead(404).end();
    const type = file.endsWith('.html') ? 'text/html' : file.endsWith('.js') ? 'text/javascript' : 'application/octet-stream';
    res.writeHead(200, { 'content-type': type });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ url: `http://localhost:${port}`, close: () => server.close() });
    }),
  );
}

/** Runs with the page's window minimised (CDP), which makes it `hidden` and lets Chromium throttle it. */
async function hiddenRun(page: Page, format: (typeof FORMATS)[number]): Promise<PhaseResult> {
  const cdp = await page.context().newCDPSession(page);
  const { windowId } = await cdp.send('Browser.getWindowForTarget');
  const result = page.evaluate(({ f, s }) => window.bench.runCompositor(f, s), { f: format, s: HIDDEN_SECONDS });
  await cdp.send('Browser.setWindowBounds', { windowId, bounds: { windowState: 'minimized' } });
  const done = await result;
  await cdp.send('Browser.setWindowBounds', { windowId, bounds: { windowState: 'normal' } });
  await cdp.detach();
  return done;
}

export async function run(): Promise<unknown> {
  await buildPage();
  const server = await serve();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--autoplay-policy=no-user-gesture-required'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/bench/compositor/browser/page.html`);
    await page.waitForFunction(() => window.bench !== undefined);
    await page.evaluate(() => window.bench.ready);
    const rows = [];
    for (const format of FORMATS) {
      const compositor = await page.evaluate(({ f, s }) => window.bench.runCompositor(f, s), { f: format, s: SECONDS });
      const bare = await page.evaluate(({ f, s }) => window.bench.runBare(f, s), { f: format, s: SECONDS });
      const hidden = await hiddenRun(page, format);
      rows.push({
        format: format.name,
        compositor: summarize(compositor, format.fps),
        bareDrawImage: summarize(bare, format.fps),
        compositorHidden: summarize(hidden, format.fps),
      });
    }
    const result = {
      benchmark: 'compositor',
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', chromium: browser.version() },
      setup: {
        sources: '10 fake-device cameras (640x360, fill) + 1 animated 1920x1080 canvas stream standing in for a screen capture',
        secondsPerRun: SECONDS,
        hiddenSeconds: HIDDEN_SECONDS,
        renderer: 'headless Chromium, --disable-gpu (software canvas)',
        clock: 'Worker-driven drift-corrected timer (src-renderer/studio/media/compositor/clock.ts)',
      },
      rows,
    };
    mkdirSync(path.join(repo, 'bench/results'), { recursive: true });
    writeFileSync(path.join(repo, 'bench/results/compositor.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.table(
      rows.flatMap((r) =>
        (['compositor', 'bareDrawImage', 'compositorHidden'] as const).map((k) => ({ format: r.format, loop: k, ...r[k] })),
      ),
    );
    return result;
  } finally {
    await browser.close();
    server.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await run();
