import { z } from 'zod';
import { Id } from './common.js';

/** Caps what one signaling message may carry: SDPs are a few KiB, candidates far less. */
export const MAX_SDP_LENGTH = 64 * 1024;

export const SessionDescription = z.strictObject({
  type: z.enum(['offer', 'answer', 'pranswer', 'rollback']),
  sdp: z.string().max(MAX_SDP_LENGTH).optional(),
});
export const IceCandidate = z.strictObject({
  candidate: z.string().max(2048),
  sdpMid: z.string().max(64).nullable().optional(),
  sdpMLineIndex: z.number().int().min(0).max(255).nullable().optional(),
  usernameFragment: z.string().max(256).nullable().optional(),
});
/**
 * The two kinds of peer link, which the relay authorises differently:
 * - `program`: the host sends the program to one member of the room (P2P media only; a session whose
 *   media goes through WHIP/WHEP has no program links, so the host's addresses stay shielded);
 * - `guest`: the stage mesh, between current stage members only (host, guests, moderators on stage).
 */
export const SignalChannel = z.enum(['program', 'guest']);
export type SignalChannel = z.infer<typeof SignalChannel>;
export const SIGNAL_CHANNELS = { program: 'program', stage: 'guest' } as const satisfies Record<string, SignalChannel>;

/** What a peer link needs to tell the other side; `channel` separates links between the same two users (required by the relay). */
export const SignalData = z.union([
  z.strictObject({ description: SessionDescription, channel: SignalChannel.optional() }),
  z.strictObject({ candidate: IceCandidate.nullable(), channel: SignalChannel.optional() }),
  z.strictObject({ restart: z.literal(true), channel: SignalChannel.optional() }),
]);
export type SignalData = z.infer<typeof SignalData>;

export const SignalToServer = z.strictObject({ sessionId: Id, to: Id, data: SignalData });
export const SignalToClient = z.object({ sessionId: Id, from: Id, data: SignalData });
