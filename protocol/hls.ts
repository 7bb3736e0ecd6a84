import { z } from 'zod';

/**
 * LL-HLS paths of a public live (served by the relay or a CDN in front of it, see PUBLIC_HLS_URL). The
 * master playlist lists the renditions; each rendition has its media playlist, init section, segments
 * and parts. Names are fixed patterns: anything else is 404.
 */
export const hlsPaths = {
  master: '/hls/:sessionId/master.m3u8',
  media: '/hls/:sessionId/:rendition/:file',
} as const;

export const hlsMasterUrl = (base: string, sessionId: string): string => `${base}/hls/${encodeURIComponent(sessionId)}/master.m3u8`;

/** Blocking playlist reload (RFC 8216bis 6.2.5.2): `_HLS_msn` alone, or with `_HLS_part`. */
export const HlsBlockingQuery = z
  .object({
    _HLS_msn: z.coerce.number().int().min(0).max(2 ** 31).optional(),
    _HLS_part: z.coerce.number().int().min(0).max(1000).optional(),
    _HLS_skip: z.enum(['YES', 'v2']).optional(),
  })
  .refine((q) => q._HLS_part === undefined || q._HLS_msn !== undefined, { message: '_HLS_part needs _HLS_msn' });
export type HlsBlockingQuery = z.infer<typeof HlsBlockingQuery>;

/** Which transport the viewer page uses; `?transport=` forces one. */
export const ViewerTransport = z.enum(['webrtc', 'hls']);
export type ViewerTransport = z.infer<typeof ViewerTransport>;

/** `GET /api/sessions/:id/hls`: where the live's LL-HLS is and whether this node's WebRTC has room. */
export const HlsHint = z.object({
  /** The master playlist (absolute when PUBLIC_HLS_URL is set), null when the live has no HLS. */
  masterUrl: z.string().nullable(),
  /** True while WebRTC viewers on this node are below WEBRTC_VIEWERS_PER_NODE. */
  webrtcHasRoom: z.boolean(),
});
export type HlsHint = z.infer<typeof HlsHint>;
export const HlsHintReply = z.object({ hls: HlsHint });

/** Viewers of a live per delivery path, as their pages report what they play (one per signed-in user). */
export const ViewerPaths = z.object({ webrtc: z.number().int().min(0), hls: z.number().int().min(0) });
export type ViewerPaths = z.infer<typeof ViewerPaths>;

/**
 * The live's LL-HLS as the node packaging it sees it: `ok` (or not started), `restarting` after the
 * packager died (the live goes on over WebRTC; HLS viewers move to it). The recording of the live
 * (replays/, under MEDIA_DIR) is paused with `diskFull` when MEDIA_DIR has no room left (ENOSPC, EDQUOT)
 * and `diskError` when it refuses writes otherwise (read-only, I/O error); live HLS is served from
 * memory and goes on.
 */
export const HlsHealth = z.enum(['ok', 'restarting', 'diskFull', 'diskError']);
export type HlsHealth = z.infer<typeof HlsHealth>;
