/**
 * Gives memory back after a burst. A raid (hundreds of connections a second for a minute) makes V8 grow
 * its heap to hold the garbage of those connections; once the burst is over the relay is nearly idle, so
 * V8 seldom runs the full collection that would free those pages, and RSS stays at the peak (bench raid:
 * 108 MB of committed heap before, 225 MB 30 s after, while a full collection left 62 MB live). When the
 * event loop has been quiet for a whole check and the committed heap grew well past what the last full
 * collection left, the relay runs one full collection itself. It costs a pause of tens of milliseconds,
 * taken only when there is little to delay.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { runInNewContext } from 'node:vm';
import type { Logger } from '../core/logger.js';

export interface TrimPolicy {
  /** Collect when the committed heap is this many times what the last full collection left… */
  growthFactor: number;
  /** …and at least this many bytes more (small heaps grow and shrink by themselves). */
  minGrowthBytes: number;
  /** The event loop's busy share (0–1) over the last check below which the relay counts as quiet. */
  quietBelow: number;
}

export const DEFAULT_TRIM_POLICY: TrimPolicy = { growthFactor: 1.5, minGrowthBytes: 64 * 2 ** 20, quietBelow: 0.2 };

/** Whether to collect now: quiet for the whole check, and the heap grew past the floor. */
export function shouldTrim(sample: { committedBytes: number; loopBusy: number }, floorBytes: number, policy: TrimPolicy = DEFAULT_TRIM_POLICY): boolean {
  if (sample.loopBusy >= policy.quietBelow) return false;
  return sample.committedBytes > Math.max(floorBytes * policy.growthFactor, floorBytes + policy.minGrowthBytes);
}

/**
 * V8's full collection. Node exposes it only with --expose-gc; setting the flag at run time and taking
 * `gc` from a fresh context is what the flag itself would give. Null when the runtime refuses.
 */
function fullCollection(): (() => void) | null {
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? () => void gc() : null;
  } catch {
    return null;
  }
}

const committedBytes = (): number => getHeapStatistics().total_heap_size;

/** Checks every `everyMs`; returns a stop function. */
export function startHeapTrim(logger: Logger, everyMs = 10_000, policy: TrimPolicy = DEFAULT_TRIM_POLICY): () => void {
  const collect = fullCollection();
  if (!collect) {
    logger.warn('this runtime gives no full garbage collection: memory after a burst is returned when V8 decides');
    return () => undefined;
  }
  let floor = committedBytes();
  let last: EventLoopUtilization = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    const loopBusy = performance.eventLoopUtilization(now, last).utilization;
    last = now;
    const before = committedBytes();
    if (!shouldTrim({ committedBytes: before, loopBusy }, floor, policy)) return;
    const started = performance.now();
    collect();
    floor = committedBytes();
    logger.info({ heapBeforeMb: Math.round(before / 2 ** 20), heapAfterMb: Math.round(floor / 2 ** 20), pauseMs: Math.round(performance.now() - started) }, 'memory returned after a burst');
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
