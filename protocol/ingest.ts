import { z } from 'zod';
import { Id, IsoTime, cleanText } from './common.js';
import { SessionType } from './sessions.js';

/**
 * Stream keys: what an encoder (OBS, an RTMP app) uses instead of a sign-in token. A key may only
 * publish media for its owner, at the ingest addresses below; the relay keeps only its hash, so the
 * full key is shown once (on creation or regeneration).
 */
export const StreamKey = z.object({
  id: Id,
  label: z.string(),
  /** The last four characters, to tell keys apart. */
  last4: z.string(),
  createdAt: IsoTime,
  lastUsedAt: IsoTime.nullable(),
});
export type StreamKey = z.infer<typeof StreamKey>;

/** What a live started by an encoder is created with, when the owner has no session open. */
export const IngestDefaults = z.strictObject({
  title: cleanText(1, 120),
  type: SessionType,
  isPublic: z.boolean(),
});
export type IngestDefaults = z.infer<typeof IngestDefaults>;

/** Where encoders send: WHIP (OBS 30+ "WHIP" service) always; RTMP when the relay runs it. */
export const IngestAddresses = z.object({ whipUrl: z.string(), rtmpUrl: z.string().nullable() });
export type IngestAddresses = z.infer<typeof IngestAddresses>;

export const StreamKeysReply = z.object({ keys: z.array(StreamKey), ingest: IngestAddresses, defaults: IngestDefaults });
export type StreamKeysReply = z.infer<typeof StreamKeysReply>;
export const CreateStreamKeyBody = z.union([z.strictObject({ label: cleanText(1, 64).optional() }), z.undefined()]);
/** The one time the full key is sent: on creation and regeneration. */
export const NewStreamKeyReply = z.object({ key: StreamKey, secret: z.string() });
export type NewStreamKeyReply = z.infer<typeof NewStreamKeyReply>;
export const StreamKeyParams = z.object({ keyId: Id });
export const IngestDefaultsReply = z.object({ defaults: IngestDefaults });

/** The stable WHIP ingest address (body `application/sdp`, `Authorization: Bearer <stream key>`). */
export const ingestPaths = {
  whip: '/api/ingest/whip',
  whipResource: '/api/ingest/whip/:resourceId',
} as const;
export const IngestResourceParams = z.object({ resourceId: z.uuid() });
