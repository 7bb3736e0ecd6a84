/** IPC between `bench hls` and its viewer workers (viewer-worker.ts). */
import { z } from 'zod';

export const ToWorker = z.discriminatedUnion('type', [
  /** Start `count` viewers of `base` (the CDN or the relay), spread over `renditions`, evenly over `rampMs`. */
  z.object({ type: z.literal('start'), base: z.string(), sessionId: z.string(), count: z.number().int(), renditions: z.array(z.string()), rampMs: z.number() }),
  /** The measured window starts now. */
  z.object({ type: z.literal('mark') }),
  /** The window ends: report it, then stop the viewers. */
  z.object({ type: z.literal('collect') }),
  z.object({ type: z.literal('exit') }),
]);
export type ToWorker = z.infer<typeof ToWorker>;

export const WindowReport = z.object({
  viewers: z.number(),
  /** Part GETs finished inside the window, each request → last byte (ms). */
  partFetchMs: z.array(z.number()),
  /** Parts each viewer fetched inside the window. */
  partsPerViewer: z.array(z.number()),
  playlists: z.number(),
  errors: z.number(),
  /** A few of the window's errors, for the log. */
  errorSamples: z.array(z.string()),
});
export type WindowReport = z.infer<typeof WindowReport>;

export const FromWorker = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('started') }),
  z.object({ type: z.literal('marked') }),
  z.object({ type: z.literal('report'), report: WindowReport }),
]);
export type FromWorker = z.infer<typeof FromWorker>;
