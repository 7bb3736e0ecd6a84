import { z } from 'zod';
import { cleanLine, Id, IsoTime } from './common.js';
import { Message } from './chat.js';
import { Session } from './sessions.js';

/**
 * Recordings and replays of lives. While a live runs with recording on, the relay keeps its LL-HLS
 * segments; when it ends they become a replay: a VOD playlist, a downloadable MP4 and a poster.
 *
 * - `off`: recording switched off (nothing is kept);
 * - `waiting`: switched on, nothing recorded yet (the live has not started or has no picture yet);
 * - `recording`: segments are being kept;
 * - `processing`: the live ended, the MP4 and poster are being made;
 * - `ready`: the replay can be watched and downloaded;
 * - `failed`: nothing could be made (see `error`).
 */
export const RecordingState = z.enum(['off', 'waiting', 'recording', 'processing', 'ready', 'failed']);
export type RecordingState = z.infer<typeof RecordingState>;

export const Recording = z.object({
  sessionId: Id,
  enabled: z.boolean(),
  state: RecordingState,
  /** When the first frame was recorded: time 0 of the replay. */
  startedAt: IsoTime.nullable(),
  /** Seconds recorded so far (the replay's length once ready). */
  durationSeconds: z.number(),
  /** Size of the MP4 download, bytes (0 before it exists). */
  bytes: z.number().int(),
  error: z.string().nullable(),
  /** When the replay is deleted by the retention clean-up (REPLAY_RETENTION_DAYS), once ready. */
  expiresAt: IsoTime.nullable(),
});
export type Recording = z.infer<typeof Recording>;

export const RecordingReply = z.object({ recording: Recording });
/** The host's switch, before and during the live. */
export const RecordingSettingBody = z.strictObject({ enabled: z.boolean() });

/** Where a replay's media is (relative to the relay; cookies go with them for private lives). */
export const ReplayMedia = z.object({
  playlistUrl: z.string(),
  downloadUrl: z.string(),
  posterUrl: z.string().nullable(),
});
export type ReplayMedia = z.infer<typeof ReplayMedia>;

/** A message as the replay shows it: at `offsetSeconds` from the start of the recording. */
export const ReplayMessage = Message.extend({ offsetSeconds: z.number() });
export type ReplayMessage = z.infer<typeof ReplayMessage>;

/** A message pinned from `fromSeconds` until `toSeconds` (null: until the end). */
export const ReplayPin = z.object({ message: Message, fromSeconds: z.number(), toSeconds: z.number().nullable() });
export type ReplayPin = z.infer<typeof ReplayPin>;

/** A chapter's title: the name of the scene the studio put on program. */
export const ChapterTitle = cleanLine(1, 100);

/** A chapter: from a scene change in the studio (`live:scene`), at its time on the replay's clock. */
export const ReplayChapter = z.object({ title: z.string(), atSeconds: z.number() });
export type ReplayChapter = z.infer<typeof ReplayChapter>;

export const Replay = z.object({
  session: Session,
  recording: Recording,
  media: ReplayMedia,
  /** Messages shown in the replay, in order (deleted ones and banned authors' ones are left out). */
  messages: z.array(ReplayMessage),
  pins: z.array(ReplayPin),
  chapters: z.array(ReplayChapter),
});
export type Replay = z.infer<typeof Replay>;
export const ReplayReply = z.object({ replay: Replay });

/** A past live with a replay: the directory's "Past lives" and the studio's list. */
export const PastLive = z.object({
  session: Session,
  recording: Recording,
  posterUrl: z.string().nullable(),
  downloadUrl: z.string(),
});
export type PastLive = z.infer<typeof PastLive>;
export const PastLivesReply = z.object({ pastLives: z.array(PastLive) });

/** The files of a replay's folder: anything else is 404. */
export const REPLAY_FILE = /^(?:replay\.m3u8|replay\.mp4|poster\.jpg|init-\d{1,6}\.mp4|seg-\d{1,9}\.m4s)$/;
export const ReplayFileParams = z.object({ id: Id, file: z.string().regex(REPLAY_FILE, 'unknown replay file') });

export const replayPaths = {
  /** Media of one replay (the VOD playlist and what it references, the MP4, the poster). */
  file: '/api/replays/:id/media/:file',
} as const;
export const replayFileUrl = (sessionId: string, file: string): string => `/api/replays/${encodeURIComponent(sessionId)}/media/${file}`;
/** The page that plays a replay. */
export const replayPageUrl = (sessionId: string): string => `/replay/${encodeURIComponent(sessionId)}`;
