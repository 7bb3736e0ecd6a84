/** IPC between going-live.bench.ts and its sample of connected followers (followers-client.ts). */
import { z } from 'zod';

export const ToFollowers = z.discriminatedUnion('type', [
  /** Connect one socket per token, spread over the relay nodes' URLs in turn. */
  z.object({ type: z.literal('connect'), urls: z.array(z.string()).min(1), tokens: z.array(z.string()) }),
  /** Time every socket's first `notification:new` of this id; answer `heard` when all have, or at the timeout. */
  z.object({ type: z.literal('watch'), notificationId: z.string(), timeoutMs: z.number().positive() }),
  z.object({ type: z.literal('close') }),
]);
export type ToFollowers = z.infer<typeof ToFollowers>;

export const FromFollowers = z.discriminatedUnion('type', [
  z.object({ type: z.literal('connected'), count: z.number().int(), failed: z.number().int(), firstError: z.string().nullable() }),
  /** The watch is set: the live may start. */
  z.object({ type: z.literal('watching') }),
  /** Arrival times in ms since the epoch (performance.timeOrigin + now(): comparable across processes of one machine). */
  z.object({ type: z.literal('heard'), notificationId: z.string(), arrivalsEpochMs: z.array(z.number()), missing: z.number().int() }),
]);
export type FromFollowers = z.infer<typeof FromFollowers>;

/** Now, in ms since the epoch, to a fraction of a ms: what both processes stamp their times with. */
export const epochNow = (): number => performance.timeOrigin + performance.now();
