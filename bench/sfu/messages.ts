import { z } from 'zod';

/** How a worker's viewers receive: libwebrtc peers that decode (VP8), or werift peers that only count packets. */
export const ViewerKind = z.enum(['decode', 'count']);
export type ViewerKind = z.infer<typeof ViewerKind>;

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
  /**
   * Join time of each viewer added (ms; null when it failed): to the first decoded frame for decoding
   * viewers, to the connected peer for counting ones.
   */
  z.object({ type: z.literal('added'), joinMs: z.array(z.number().nullable()), failed: z.number().int() }),
  /** Cumulative inbound video counters over every viewer of this worker (counting viewers: lost and decoded stay 0). */
  z.object({
    type: z.literal('sample'),
    viewers: z.number().int(),
    packetsReceived: z.number(),
    bytesReceived: z.number(),
    packetsLost: z.number(),
    framesDecoded: z.number(),
  }),
]);
export type FromWorker = z.infer<typeof FromWorker>;
