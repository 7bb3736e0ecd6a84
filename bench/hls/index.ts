/**
 * `npm run bench hls`: LL-HLS at scale, in one run on this machine.
 *  1. Packager CPU (packager-cpu.ts): the two-rung ladder's ffmpeg for an H.264 and a VP8 GStreamer publisher.
 *  2. Phases (phase.ts) on the H.264 live, simulated viewers (tests/relay/hls/support/ll-hls-viewer.ts:
 *     blocking reloads + parts, no decoding) in worker processes: 10 through nginx (the origin's baseline),
 *     HLS_BENCH_VIEWERS (2,000) through nginx, the same number straight at the relay. Target: behind the
 *     CDN the origin's cost is flat in viewers, ≤ 1.05× the 10-viewer phase (CPU and requests/s).
 *  3. Glass-to-glass on LL-HLS in Chromium, on pixels (glass.ts). Target p95 ≤ 3 s.
 * HLS_BENCH_VIEWERS, HLS_BENCH_WINDOW_MS (20 s per phase), HLS_BENCH_RAMP_MS (viewers arrive over 5 s),
 * HLS_BENCH_JOIN_MS (the window opens 10 s after the first), HLS_BENCH_G2G_ROUNDS (10 rounds of 30 frames).
 * Writes bench/results/hls.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measureGlassToGlass } from './glass.js';
import { startRig, type HlsLive } from './live.js';
import { measurePackager, type PackagerCpu } from './packager-cpu.js';
import { percentile, runPhase, type PhaseResult } from './phase.js';
import { printTables } from './report.js';
import { startWorkers, stopWorkers, type HlsWorker } from './workers.js';

const VIEWERS = Number(process.env.HLS_BENCH_VIEWERS ?? 2_000);
const BASELINE_VIEWERS = 10;
const WINDOW_MS = Number(process.env.HLS_BENCH_WINDOW_MS ?? 20_000);
/** Viewers arrive over RAMP_MS and have joined (master, playlist, init, first blocking reload) by JOIN_MS, when the window opens. */
const RAMP_MS = Number(process.env.HLS_BENCH_RAMP_MS ?? 5_000);
const JOIN_MS = Number(process.env.HLS_BENCH_JOIN_MS ?? 10_000);
const PACKAGER_WINDOW_MS = 15_000;
const G2G_ROUNDS = Number(process.env.HLS_BENCH_G2G_ROUNDS ?? 10);
const G2G_FRAMES_PER_ROUND = 30;
const WORKERS = 2;
const NGINX_WORKERS = 1;

async function measureLoad(): Promise<{ packager: PackagerCpu[]; phases: PhaseResult[] }> {
  const rig = await startRig(NGINX_WORKERS);
  const workers: HlsWorker[] = [];
  let live: HlsLive | undefined;
  try {
    workers.push(...(await startWorkers(WORKERS)));
    const h264 = await measurePackager(rig, 'h264', PACKAGER_WINDOW_MS);
    live = h264.live;
    const phases: PhaseResult[] = [];
    for (const spec of [
      { phase: 'CDN (nginx), baseline', viewers: BASELINE_VIEWERS, throughCdn: true },
      { phase: 'CDN (nginx)', viewers: VIEWERS, throughCdn: true },
      { phase: 'straight at the relay', viewers: VIEWERS, throughCdn: false },
    ]) {
      const result = await runPhase(rig, h264.live, workers, { ...spec, rampMs: RAMP_MS, joinMs: JOIN_MS, windowMs: WINDOW_MS });
      console.log(JSON.stringify(result));
      phases.push(result);
    }
    live = undefined;
    await h264.live.stop();
    const vp8 = await measurePackager(rig, 'vp8', PACKAGER_WINDOW_MS);
    await vp8.live.stop();
    return { packager: [h264.cpu, vp8.cpu], phases };
  } finally {
    await stopWorkers(workers);
    await live?.stop();
    await rig.stop();
  }
}

export async function run(): Promise<unknown> {
  const { packager, phases } = await measureLoad();
  const g2g = await measureGlassToGlass(G2G_ROUNDS, G2G_FRAMES_PER_ROUND);
  const [baseline, cdn] = phases;
  const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b ? Math.round((100 * a) / b) / 100 : null);
  const result = {
    benchmark: 'hls',
    at: new Date().toISOString(),
    machine: { cores: os.cpus().length, node: process.version, browser: g2g.browser },
    viewers: VIEWERS,
    windowMs: WINDOW_MS,
    phases,
    originBehindCdn: {
      cpuRatio: ratio(cdn?.relayCpuPercent, baseline?.relayCpuPercent),
      requestsRatio: ratio(cdn?.originRequestsPerSecond, baseline?.originRequestsPerSecond),
      requestsPerPartRatio: ratio(cdn?.originRequestsPerPart, baseline?.originRequestsPerPart),
      target: '≤ 1.05× the 10-viewer phase',
    },
    packager,
    glassToGlass: {
      ms: { n: g2g.latenciesMs.length, p50: percentile(g2g.latenciesMs, 50), p95: percentile(g2g.latenciesMs, 95), min: Math.min(...g2g.latenciesMs), max: Math.max(...g2g.latenciesMs) },
      unreadableFrames: g2g.unreadableFrames,
      playedHeight: g2g.playedHeight,
      hlsJsLatencyS: g2g.hlsJsLatencyS,
      target: 'p95 ≤ 3,000 ms',
      note: 'testbench canvas (clock code) → WebRTC → relay → ffmpeg/x264 LL-HLS → nginx → hls.js in /watch?transport=hls; read on presented frames, one idle relay',
    },
    loadAverageAtEnd: os.loadavg(),
  };
  mkdirSync(path.join(import.meta.dirname, '../results'), { recursive: true });
  writeFileSync(path.join(import.meta.dirname, '../results/hls.json'), `${JSON.stringify(result, null, 2)}\n`);
  printTables(result);
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
