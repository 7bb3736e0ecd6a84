export interface FrameStatsSnapshot {
  /** Frames drawn per second over the last window. */
  fps: number;
  /** Median and 99th-percentile draw cost, in milliseconds. */
  p50Ms: number;
  p99Ms: number;
  /** Total frames skipped by the clock since start. */
  missed: number;
}

/** Percentile of an ascending list (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] as number;
}

/** Collects draw times and reports once per window. */
export class FrameStats {
  private durations: number[] = [];
  private windowStart: number | null = null;

  constructor(private readonly windowMs = 1000) {}

  record(now: number, durationMs: number): void {
    this.windowStart ??= now;
    this.durations.push(durationMs);
  }

  takeIfDue(now: number, missed: number): FrameStatsSnapshot | null {
    if (this.windowStart === null || now - this.windowStart < this.windowMs) return null;
    const sorted = [...this.durations].sort((a, b) => a - b);
    const snapshot = {
      fps: (sorted.length * 1000) / (now - this.windowStart),
      p50Ms: percentile(sorted, 50),
      p99Ms: percentile(sorted, 99),
      missed,
    };
    this.durations = [];
    this.windowStart = now;
    return snapshot;
  }
}
