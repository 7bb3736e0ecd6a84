/** IPC between the join-storm orchestrator and its server and client processes. */
import { z } from 'zod';

export const FromServer = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), url: z.string(), sessionId: z.string(), tokensFile: z.string().nullable() }),
  z.object({ type: z.literal('usage'), rss: z.number(), heapUsed: z.number(), cpuMicros: z.number() }),
]);
export type FromServer = z.infer<typeof FromServer>;
export const ToServer = z.object({ type: z.literal('measure'), gc: z.boolean() });
export type ToServer = z.infer<typeof ToServer>;

export const FromClients = z.discriminatedUnion('type', [
  z.object({ type: z.literal('connected'), count: z.number() }),
  z.object({
    type: z.literal('joined'),
    latenciesMs: z.array(z.number()),
    failures: z.number(),
    firstError: z.string().nullable(),
  }),
]);
export type FromClients = z.infer<typeof FromClients>;
export const ToClients = z.object({ type: z.enum(['join', 'close']) });
export type ToClients = z.infer<typeof ToClients>;
