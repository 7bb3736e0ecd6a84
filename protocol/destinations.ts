import { z } from 'zod';
import { Id, IsoTime, cleanLine } from './common.js';

/**
 * Multistreaming out: places a host sends the program to while live (YouTube, Twitch, …), each an
 * RTMP(S) server address and a stream key. The relay stores the key encrypted and never sends it back
 * in full (its last four characters tell keys apart).
 */
export const DestinationService = z.enum(['youtube', 'twitch', 'tiktok', 'kick', 'custom']);
export type DestinationService = z.infer<typeof DestinationService>;

/** What the studio prefills when a service is picked (the host may change it; TikTok and Kick give each streamer their own server). */
export const DESTINATION_PRESETS: Record<DestinationService, { url: string }> = {
  youtube: { url: 'rtmp://a.rtmp.youtube.com/live2' },
  twitch: { url: 'rtmp://live.twitch.tv/app' },
  tiktok: { url: '' },
  kick: { url: '' },
  custom: { url: '' },
};

export const MAX_DESTINATION_URL = 512;
export const MAX_DESTINATION_KEY = 512;

/**
 * An RTMP or RTMPS server address: a host, an optional port, a path (the application), no credentials,
 * query or fragment (the key goes in its own field), no spaces or control characters.
 */
export const DestinationUrl = z
  .string()
  .trim()
  .min(1, 'Enter the server address (rtmp://… or rtmps://…)')
  .max(MAX_DESTINATION_URL, `The server address is longer than ${MAX_DESTINATION_URL} characters`)
  .superRefine((text, ctx) => {
    const problem = destinationUrlProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** Why `text` is not a usable RTMP(S) server address, or null. */
export function destinationUrlProblem(text: string): string | null {
  if (!/^rtmps?:\/\//i.test(text)) return 'The server address must start with rtmp:// or rtmps://';
  if (/[\s\p{Cc}]/u.test(text)) return 'The server address may not contain spaces or control characters';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'The server address is not a valid URL';
  }
  if (!url.hostname) return 'The server address has no host name';
  if (url.username || url.password) return 'Put no user name or password in the server address';
  if (url.search || url.hash) return 'The server address may not contain ? or #: put the stream key in its own field';
  return null;
}

/** A platform's stream key: printable characters without spaces (they end up in a URL path segment). */
export const DestinationKey = z
  .string()
  .min(1, 'Enter the stream key')
  .max(MAX_DESTINATION_KEY, `The stream key is longer than ${MAX_DESTINATION_KEY} characters`)
  .regex(/^[\x21-\x7e]+$/, 'The stream key may only contain printable characters without spaces');

export const DestinationName = cleanLine(1, 64);

export const Destination = z.object({
  id: Id,
  name: z.string(),
  service: DestinationService,
  url: z.string(),
  /** The stream key's last four characters. */
  keyLast4: z.string(),
  /** False when the relay cannot decrypt the stored key (DESTINATION_KEY_SECRET changed): enter the key again. */
  keyReadable: z.boolean(),
  /** Pushed to when a live starts. */
  enabled: z.boolean(),
  createdAt: IsoTime,
});
export type Destination = z.infer<typeof Destination>;

export const DestinationsReply = z.object({
  destinations: z.array(Destination),
  /** Whether this relay can store destination keys (DESTINATION_KEY_SECRET set) and push (ffmpeg found). */
  canStore: z.boolean(),
  canPush: z.boolean(),
});
export type DestinationsReply = z.infer<typeof DestinationsReply>;

export const CreateDestinationBody = z.strictObject({
  name: DestinationName,
  service: DestinationService,
  url: DestinationUrl,
  streamKey: DestinationKey,
  enabled: z.boolean().optional(),
});
export type CreateDestinationBody = z.input<typeof CreateDestinationBody>;

export const UpdateDestinationBody = z.strictObject({
  name: DestinationName.optional(),
  service: DestinationService.optional(),
  url: DestinationUrl.optional(),
  streamKey: DestinationKey.optional(),
  enabled: z.boolean().optional(),
});
export type UpdateDestinationBody = z.input<typeof UpdateDestinationBody>;

export const DestinationReply = z.object({ destination: Destination });
export const DestinationParams = z.object({ destinationId: Id });
export const SessionDestinationParams = z.object({ id: Id, destinationId: Id });

/**
 * Where the push to one destination stands during a live: `off` (not pushing: disabled or stopped),
 * `connecting`, `live`, `retrying` (the last attempt failed: `reason`, and `retryAt` for the next one),
 * `failed` (cannot work until the host changes something: `reason` says what).
 */
export const PushState = z.enum(['off', 'connecting', 'live', 'retrying', 'failed']);
export type PushState = z.infer<typeof PushState>;

/** Why a push is not live, for the studio to say in the host's language (`reason` holds the relay's English sentence). */
export const PushFailure = z.enum(['refused', 'unknown_host', 'timeout', 'closed', 'rejected', 'no_tls', 'no_picture', 'no_ffmpeg', 'key_unreadable', 'other']);
export type PushFailure = z.infer<typeof PushFailure>;

export const DestinationPush = z.object({
  destinationId: Id,
  name: z.string(),
  service: DestinationService,
  state: PushState,
  /** Why the last attempt failed, in plain words (null when it did not). */
  reason: z.string().nullable(),
  reasonCode: PushFailure.nullable(),
  /** When the next attempt starts (retrying), else null. */
  retryAt: IsoTime.nullable(),
  attempts: z.number().int(),
});
export type DestinationPush = z.infer<typeof DestinationPush>;

export const DestinationPushesReply = z.object({ sessionId: Id, destinations: z.array(DestinationPush) });
export type DestinationPushesReply = z.infer<typeof DestinationPushesReply>;
