import { z } from 'zod';
import { Id } from './common.js';

/**
 * How a session's program travels from the studio to viewers:
 * - `p2p`: the studio sends to each viewer directly (signalled over Socket.io `signal`); small private sessions.
 * - `whip`: the studio publishes once with WHIP and viewers play with WHEP, from the relay's embedded
 *   forwarder or an external media server (LiveKit, MediaMTX); the URLs say which.
 */
export const MediaTransport = z.enum(['p2p', 'whip']);
export type MediaTransport = z.infer<typeof MediaTransport>;

export const MediaHint = z.object({
  transport: MediaTransport,
  /** WHIP endpoint for the host (POST an SDP offer with the host's Bearer token); absolute or relay-relative. */
  whipUrl: z.string().nullable(),
  /** WHEP endpoint for viewers (POST an SDP offer; Bearer optional for public sessions). */
  whepUrl: z.string().nullable(),
});
export type MediaHint = z.infer<typeof MediaHint>;
export const MediaHintReply = z.object({ media: MediaHint });

/**
 * The WHIP/WHEP endpoints of the embedded forwarder. Their bodies are `application/sdp`, not JSON, so
 * they live here rather than in the JSON routes table. `:id` is the session id; the 201 answer's
 * `Location` is the resource path (`…/:resourceId`), which a DELETE ends.
 */
export const mediaPaths = {
  whip: '/api/whip/:id',
  whipResource: '/api/whip/:id/:resourceId',
  whep: '/api/whep/:id',
  whepResource: '/api/whep/:id/:resourceId',
} as const;

export const MediaResourceParams = z.object({ id: Id, resourceId: z.uuid() });
export const MediaSessionParams = z.object({ id: Id });
