/** The tables `bench hls` prints, each figure beside its target. */
import type { PackagerCpu } from './packager-cpu.js';
import type { PhaseResult } from './phase.js';

export interface HlsBenchSummary {
  viewers: number;
  phases: PhaseResult[];
  originBehindCdn: { cpuRatio: number | null; requestsRatio: number | null; requestsPerPartRatio: number | null };
  packager: PackagerCpu[];
  glassToGlass: { ms: { n: number; p50: number; p95: number; min: number; max: number }; unreadableFrames: number; playedHeight: number; hlsJsLatencyS: number[] };
}

export function printTables(result: HlsBenchSummary): void {
  console.log(`\nLL-HLS viewers (simulated: blocking reloads + parts, no decoding; CPU in % of one core on ${result.phases.length} phases)`);
  console.table(result.phases.map((p) => ({
    phase: p.phase,
    viewers: p.viewers,
    playing: p.viewersPlaying,
    'origin req/s': p.originRequestsPerSecond,
    'origin parts/s': p.originPartsPerSecond,
    'origin req/part': p.originRequestsPerPart,
    'relay CPU %': p.relayCpuPercent,
    'nginx CPU %': p.nginxCpuPercent ?? '—',
    'ffmpeg CPU %': p.ffmpegCpuPercent,
    'viewers CPU %': p.workersCpuPercent,
    'part p50 ms': p.partFetchP50Ms,
    'part p99 ms': p.partFetchP99Ms,
    'parts/viewer/s (median, min)': `${p.partsPerViewerPerSecondMedian}, ${p.partsPerViewerPerSecondMin}`,
    errors: p.errors,
  })));
  const { cpuRatio, requestsRatio, requestsPerPartRatio } = result.originBehindCdn;
  const met = (v: number | null, max: number) => (v !== null && v <= max ? 'met' : 'not met');
  console.log(`origin behind the CDN, ${result.viewers} vs 10 viewers: CPU ${cpuRatio}× (${met(cpuRatio, 1.05)}), requests/s ${requestsRatio}× (${met(requestsRatio, 1.05)}), requests per part made ${requestsPerPartRatio}× (${met(requestsPerPartRatio, 1.05)}); target ≤ 1.05×`);
  console.log('\nPackager (ffmpeg: decode, 30 fps, two x264 rungs + AAC), % of one core');
  console.table(result.packager.map((p) => ({ publisher: p.codec, ladder: p.renditions.join(' + '), 'ffmpeg CPU %': p.ffmpegCpuPercent, 'relay CPU %': p.relayCpuPercent, seconds: p.seconds })));
  const g = result.glassToGlass;
  const hlsJs = [...g.hlsJsLatencyS].sort((a, b) => a - b);
  console.log(`\nGlass-to-glass on LL-HLS in Chromium (${g.playedHeight}p, ${g.ms.n} frames, ${g.unreadableFrames} unreadable): p50 ${g.ms.p50} ms, p95 ${g.ms.p95} ms (min ${g.ms.min}, max ${g.ms.max}); target p95 ≤ 3,000 ms: ${g.ms.p95 <= 3000 ? 'met' : 'not met'}`);
  console.log(`hls.js latency (PROGRAM-DATE-TIME): ${hlsJs.length ? `${hlsJs[0]}–${hlsJs.at(-1)} s` : 'not reported'}`);
}
