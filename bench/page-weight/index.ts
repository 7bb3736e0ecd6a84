/**
 * /watch on a mobile link (`npm run bench page-weight`; not a test): navigation → first presented frame
 * and the compressed JavaScript the page fetched, on a shaped "Fast 3G" link (link.ts), for
 *  - baseline: the pages as built before issue 15 (one React build shared with the studio, served
 *    uncompressed: `scripts/build-web.ts --baseline`);
 *  - current: dist-web/ (/watch on preact/compat, precompressed brotli/gzip).
 * Same run, same publisher, a cold browser context per join. Writes bench/results/page-weight.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { z } from 'zod';
import { chromiumArgs } from '../../playwright.config.js';
import { buildPages, buildTestbench } from '../../tests/e2e/support/build.js';
import { firstFrameAt, instrument } from '../../tests/e2e/support/probes.js';
import { RelayApi } from '../../tests/e2e/support/relay-api.js';
import { startRelayProcess } from '../../tests/e2e/support/relay-process.js';
import { DEPLOYED_RELAY_ENV } from '../support/deployed-relay.js';
import { startStaticServer } from '../../tests/e2e/support/static-server.js';
import { summarize } from '../webrtc-latency/index.js';
import { FAST_3G, startLink } from './link.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const JOINS = Number(process.env.BENCH_JOINS ?? 5);
const PLAYER = '[data-testid="player"]';

const ScriptBytes = z.object({ encoded: z.number(), decoded: z.number(), files: z.number() });
const SCRIPT_BYTES = `(() => {
  const js = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js'));
  return { encoded: js.reduce((n, e) => n + e.encodedBodySize, 0), decoded: js.reduce((n, e) => n + e.decodedBodySize, 0), files: js.length };
})()`;

async function measure(browser: Browser, webRoot: string, testbenchUrl: string) {
  let relayPort = 0;
  const link = await startLink(FAST_3G, () => relayPort);
  const viewerOrigin = `http://127.0.0.1:${link.port}`;
  const relay = await startRelayProcess({ root, webRoot, env: { ...DEPLOYED_RELAY_ENV, WEBSOCKET_CORS_ORIGIN: `${testbenchUrl},${viewerOrigin}` } });
  relayPort = relay.port;
  try {
    const api = new RelayApi(relay.url);
    const host = await api.signUp('bench');
    const session = await api.createSession(host, 'video', { title: 'page weight bench' });
    const publisher = await (await browser.newContext()).newPage();
    const query = new URLSearchParams({ relay: relay.url, session: session.id, token: host.token, type: 'video', start: '1' });
    await publisher.goto(`${testbenchUrl}/__testbench/?${query.toString()}`);
    await publisher.getByTestId('testbench-state').filter({ hasText: 'publishing' }).waitFor({ timeout: 30_000 });
    const frames: number[] = [];
    let bytes = { encoded: 0, decoded: 0, files: 0 };
    for (let i = 0; i < JOINS; i++) {
      const context = await browser.newContext({ baseURL: viewerOrigin });
      const viewer = await context.newPage();
      await instrument(viewer);
      await viewer.goto(`/watch/${session.id}`, { timeout: 60_000 });
      frames.push(await firstFrameAt(viewer, PLAYER));
      bytes = ScriptBytes.parse(await viewer.evaluate(SCRIPT_BYTES));
      await context.close();
    }
    await publisher.context().close();
    return { navigationToFirstFrameMs: summarize(frames), javascript: bytes };
  } finally {
    await relay.stop();
    await link.close();
  }
}

export async function run(): Promise<unknown> {
  const webRoot = buildPages(root);
  const testbenchRoot = buildTestbench(root);
  const baselineRoot = mkdtempSync(path.join(os.tmpdir(), 'afritok-baseline-web-'));
  execFileSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build-web.ts', '--baseline', '--quiet', '--outDir', baselineRoot], { cwd: root, stdio: 'inherit' });
  const testbench = await startStaticServer(testbenchRoot);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
  try {
    const baseline = await measure(browser, baselineRoot, testbench.url);
    const current = await measure(browser, webRoot, testbench.url);
    const result = {
      benchmark: 'page-weight',
      at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, node: process.version, browser: browser.version() },
      link: FAST_3G,
      joins: JOINS,
      baseline: { ...baseline, note: 'pre-issue-15 build: /watch shares React DOM with the studio, served uncompressed' },
      current: { ...current, note: '/watch on preact/compat, brotli precompressed' },
    };
    mkdirSync(path.join(root, 'bench/results'), { recursive: true });
    writeFileSync(path.join(root, 'bench/results/page-weight.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(`link: ${FAST_3G.name}; ${JOINS} cold joins each`);
    console.log(`${'build'.padEnd(10)}${'JS on the wire'.padStart(16)}${'JS decoded'.padStart(12)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'min'.padStart(8)}${'max'.padStart(8)}`);
    for (const [name, r] of [['baseline', baseline], ['current', current]] as const) {
      const f = r.navigationToFirstFrameMs;
      console.log(`${name.padEnd(10)}${`${(r.javascript.encoded / 1024).toFixed(1)} KB`.padStart(16)}${`${(r.javascript.decoded / 1024).toFixed(0)} KB`.padStart(12)}${String(f.p50).padStart(9)}${String(f.p95).padStart(9)}${String(f.min).padStart(8)}${String(f.max).padStart(8)}`);
    }
    return result;
  } finally {
    await browser.close();
    await testbench.stop();
  }
}
