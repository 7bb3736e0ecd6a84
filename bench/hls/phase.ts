/**
 * One phase of `bench hls`: N simulated viewers of one live through the CDN or straight at the relay.
 * After a join ramp, a window in which are measured: requests that reached the origin (origin.observe),
 * CPU (% of one core) of the relay (this process), of nginx, of the packager's ffmpeg and of the viewer
 * workers, and what the viewers saw (part-fetch times, parts per viewer, errors).
 */
import type { OriginRequest } from '../../relay-server/src/hls/origin.js';
import { cpuSeconds, descendantsNamed } from '../sfu/cpu.js';
import { sleep, type HlsLive, type Rig } from './live.js';
import { collectWindow, markWindow, startViewers, type HlsWorker } from './workers.js';

export interface PhaseResult {
  phase: string;
  viewers: number;
  seconds: number;
  originRequestsPerSecond: number;
  /** Of those: part and segment GETs, blocking reloads, other playlists/init/master. */
  originPartsPerSecond: number;
  originReloadsPerSecond: number;
  /** Origin requests per part the live made in the window (one GET + one reload when collapsed): flat even if the live slows. */
  originRequestsPerPart: number;
  relayCpuPercent: number;
  nginxCpuPercent: number | null;
  ffmpegCpuPercent: number;
  workersCpuPercent: number;
  partFetchP50Ms: number;
  partFetchP99Ms: number;
  /** Parts per viewer per second inside the window (the live makes ~2 per rendition). */
  partsPerViewerPerSecondMedian: number;
  partsPerViewerPerSecondMin: number;
  /** Viewers that got at least one part inside the window (a viewer whose master or playlist failed stops). */
  viewersPlaying: number;
  errors: number;
  errorSamples: string[];
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

const round1 = (v: number) => Math.round(v * 10) / 10;
const sumCpu = (pids: number[]) => pids.reduce((s, pid) => s + cpuSeconds(pid), 0);

/** CPU seconds so far of every process the phase reports on; the end of a window reads the pids of its start. */
function cpuSnapshot(workers: HlsWorker[], pids = { nginx: descendantsNamed(process.pid, 'nginx'), ffmpeg: descendantsNamed(process.pid, 'ffmpeg') }) {
  return {
    at: performance.now(),
    pids,
    relay: cpuSeconds(process.pid),
    nginx: sumCpu(pids.nginx),
    ffmpeg: sumCpu(pids.ffmpeg),
    workers: sumCpu(workers.map((w) => w.child.pid ?? 0)),
  };
}

export interface PhaseSpec {
  phase: string;
  viewers: number;
  throughCdn: boolean;
  /** The viewers start evenly over `rampMs`; the window opens `joinMs` after the first. */
  rampMs: number;
  joinMs: number;
  windowMs: number;
}

export async function runPhase(rig: Rig, live: HlsLive, workers: HlsWorker[], spec: PhaseSpec): Promise<PhaseResult> {
  const atOrigin: OriginRequest[] = [];
  const unobserve = rig.relay.relay.ctx.services.get('hls').origin.observe((r) => {
    if (r.sessionId === live.sessionId) atOrigin.push(r);
  });
  try {
    const base = spec.throughCdn ? rig.cdn.url : rig.relay.url;
    await startViewers(workers, spec.viewers, { base, sessionId: live.sessionId, renditions: live.renditions, rampMs: spec.rampMs });
    await sleep(spec.joinMs);
    await markWindow(workers);
    const before = cpuSnapshot(workers);
    const originBefore = atOrigin.length;
    await sleep(spec.windowMs);
    const after = cpuSnapshot(workers, before.pids);
    const inWindow = atOrigin.slice(originBefore);
    const seconds = (after.at - before.at) / 1000;
    const window = await collectWindow(workers);
    const percent = (a: number, b: number) => round1((100 * (a - b)) / seconds);
    const perSecond = (n: number) => round1(n / seconds);
    const partsRate = window.partsPerViewer.map((n) => n / seconds);
    return {
      phase: spec.phase,
      viewers: window.viewers,
      seconds: round1(seconds),
      originRequestsPerSecond: perSecond(inWindow.length),
      originPartsPerSecond: perSecond(inWindow.filter((r) => /^(part|seg)-/.test(r.file)).length),
      originReloadsPerSecond: perSecond(inWindow.filter((r) => r.query._HLS_msn !== undefined).length),
      originRequestsPerPart: round1(inWindow.length / Math.max(1, new Set(inWindow.filter((r) => r.file.startsWith('part-')).map((r) => `${r.rendition}/${r.file}`)).size)),
      relayCpuPercent: percent(after.relay, before.relay),
      nginxCpuPercent: spec.throughCdn ? percent(after.nginx, before.nginx) : null,
      ffmpegCpuPercent: percent(after.ffmpeg, before.ffmpeg),
      workersCpuPercent: percent(after.workers, before.workers),
      partFetchP50Ms: round1(percentile(window.partFetchMs, 50)),
      partFetchP99Ms: round1(percentile(window.partFetchMs, 99)),
      partsPerViewerPerSecondMedian: round1(percentile(partsRate, 50)),
      partsPerViewerPerSecondMin: round1(Math.min(...partsRate)),
      viewersPlaying: window.partsPerViewer.filter((n) => n > 0).length,
      errors: window.errors,
      errorSamples: window.errorSamples,
    };
  } finally {
    unobserve();
  }
}
