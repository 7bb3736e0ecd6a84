import { z } from 'zod';

/** Parent → viewer worker. */
export const ToWorker = z.discriminatedUnion('type', [
  z.object({ type: z.literal('add'), count: z.number().int().positive() }),
  z.object({ type: z.literal('sample') }),
  z.object({ type: z.literal('stop') }),
]);
export type ToWorker = z.infer<typeof ToWorker>;

/** Viewer worker → parent. */
export const FromWorker = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  /** Join-to-first-frame of each viewer added (ms; null when no frame came within the deadline). */
  z.object({ type: z.literal('added'), joinMs: z.array(z.number().nullable()), failed: z.number().int() }),
  /** Cumulative inbound video counters over every viewer of this worker. */
  z.object({
    type: z.literal('sample'),
    viewers: z.number().int(),
    packetsReceived: z.number(),
    packetsLost: z.number(),
    framesDecoded: z.number(),
  }),
]);
export type FromWorker = z.infer<typeof FromWorker>;
