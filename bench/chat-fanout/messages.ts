import { z } from 'zod';

/** A latency histogram: count of samples per whole millisecond (sparse). */
export const Histogram = z.record(z.string(), z.number().int());
export type Histogram = z.infer<typeof Histogram>;

/** Parent → worker (viewer or sender). */
export const ToWorker = z.discriminatedUnion('type', [
  /** Viewers: start counting deliveries from now on (clears what arrived before). */
  z.object({ type: z.literal('measure') }),
  /** Senders: send `rate` messages per second in total for `durationMs`. */
  z.object({ type: z.literal('send'), rate: z.number().positive(), durationMs: z.number().int().positive() }),
  z.object({ type: z.literal('report') }),
  z.object({ type: z.literal('stop') }),
]);
export type ToWorker = z.infer<typeof ToWorker>;

/** Worker → parent. */
export const FromWorker = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), connected: z.number().int(), failed: z.number().int() }),
  z.object({
    type: z.literal('report'),
    /** Viewers: messages received since `measure`; senders: messages acknowledged. */
    count: z.number().int(),
    failed: z.number().int(),
    /** Viewers: `chat:messages` frames received since `measure`. */
    frames: z.number().int(),
    /** Viewers: send-to-receive latency; senders: send-to-ack latency. */
    histogram: Histogram,
  }),
]);
export type FromWorker = z.infer<typeof FromWorker>;

/** Bench message content: `bench <sent-at ms> <n>`, so any receiver can compute the latency. */
export const benchContent = (sentAtMs: number, n: number): string => `bench ${sentAtMs} ${n}`;
export function sentAtOf(content: string): number | null {
  const match = /^bench (\d+) \d+$/.exec(content);
  return match ? Number(match[1]) : null;
}

export function record(histogram: Map<number, number>, ms: number): void {
  const bucket = Math.max(0, Math.round(ms));
  histogram.set(bucket, (histogram.get(bucket) ?? 0) + 1);
}

export const toHistogram = (histogram: Map<number, number>): Histogram => Object.fromEntries([...histogram].map(([k, v]) => [String(k), v]));

/** Merges histograms and reads a percentile (ms) from them. */
export function percentile(histograms: Histogram[], p: number): number {
  const merged = new Map<number, number>();
  for (const h of histograms) for (const [k, v] of Object.entries(h)) merged.set(Number(k), (merged.get(Number(k)) ?? 0) + v);
  const total = [...merged.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * total);
  let seen = 0;
  for (const [ms, count] of [...merged].sort((a, b) => a[0] - b[0])) {
    seen += count;
    if (seen >= rank) return ms;
  }
  return Number.NaN;
}
