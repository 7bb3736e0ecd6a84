import { z } from 'zod';
import { Id, IsoTime, cleanText } from './common.js';

export const SessionState = z.enum(['pending', 'starting', 'live', 'ending', 'ended']);
export type SessionState = z.infer<typeof SessionState>;
export const SessionType = z.enum(['video', 'audio', 'screen']);
export type SessionType = z.infer<typeof SessionType>;
export const Role = z.enum(['host', 'moderator', 'guest', 'viewer']);
export type Role = z.infer<typeof Role>;

/** Roles on stage, seen and heard in the live (the host and the people brought up); viewers only watch. */
export const STAGE_ROLES: readonly Role[] = ['host', 'moderator', 'guest'];
/** The people on stage beside the host. */
export const STAGE_GUEST_ROLES: readonly Role[] = ['moderator', 'guest'];
export const isStage = (role: string | null | undefined): boolean => STAGE_ROLES.some((r) => r === role);
export const isStageGuest = (role: string | null | undefined): boolean => STAGE_GUEST_ROLES.some((r) => r === role);

export const Session = z.object({
  id: Id,
  hostId: Id,
  host: z.object({ id: Id, displayName: z.string() }),
  title: z.string(),
  description: z.string(),
  type: SessionType,
  isPublic: z.boolean(),
  maxParticipants: z.number().int(),
  state: SessionState,
  createdAt: IsoTime,
  startedAt: IsoTime.nullable(),
  endedAt: IsoTime.nullable(),
  viewerCount: z.number().int(),
  participantCount: z.number().int(),
  /** Whether the host has a socket in the session's room now (a live whose host dropped shows "waiting for host"). */
  hostConnected: z.boolean(),
});
export type Session = z.infer<typeof Session>;

export const Participant = z.object({
  userId: Id,
  displayName: z.string(),
  role: Role,
  audioEnabled: z.boolean(),
  videoEnabled: z.boolean(),
  connected: z.boolean(),
  joinedAt: IsoTime,
});
export type Participant = z.infer<typeof Participant>;

export const CreateSessionBody = z.strictObject({
  title: cleanText(1, 120),
  description: cleanText(0, 2000).optional(),
  type: SessionType,
  isPublic: z.boolean(),
  /** Upper bound is MAX_LIVE_PARTICIPANTS, checked by the relay. */
  maxParticipants: z.number().int().min(2).max(1000).optional(),
});
export type CreateSessionBody = z.infer<typeof CreateSessionBody>;

export const SessionListQuery = z.strictObject({ scope: z.literal('public').default('public') });
export const SessionReply = z.object({ session: Session });
export const MaybeSessionReply = z.object({ session: Session.nullable() });
export const SessionsReply = z.object({ sessions: z.array(Session) });
export const ParticipantReply = z.object({ participant: Participant });
export const ParticipantsReply = z.object({ participants: z.array(Participant) });
export const ParticipantsQuery = z.strictObject({ includeViewers: z.enum(['0', '1', 'true', 'false']).optional() });

export const UpdateParticipantBody = z.strictObject({
  audioEnabled: z.boolean().optional(),
  videoEnabled: z.boolean().optional(),
  role: z.enum(['guest', 'viewer', 'moderator']).optional(),
});
export type UpdateParticipantBody = z.infer<typeof UpdateParticipantBody>;

export const SessionStats = z.object({
  viewerCount: z.number().int(),
  peakViewerCount: z.number().int(),
  /** People who opened the live as viewers, counted once each (moderators were viewers made moderator). */
  viewerTotal: z.number().int(),
  participantCount: z.number().int(),
  messageCount: z.number().int(),
  reactionCount: z.number().int(),
  durationMs: z.number().int(),
});
export type SessionStats = z.infer<typeof SessionStats>;

export const IceServer = z.object({
  urls: z.union([z.string(), z.array(z.string())]),
  username: z.string().optional(),
  credential: z.string().optional(),
});
export type IceServer = z.infer<typeof IceServer>;
export const IceServersReply = z.object({ iceServers: z.array(IceServer) });
/**
 * `POST /sessions/:id/join`: the seat, with the ICE servers (TURN credentials) a participant may use, so a
 * viewer's player builds its peer connection without asking `/ice-servers` first (one round trip less
 * between opening /watch and the first frame).
 */
export const JoinReply = ParticipantReply.extend({ iceServers: z.array(IceServer) });

/** The program thumbnail the studio uploads for directory cards: a JPEG, PNG or WebP data URL. */
export const THUMBNAIL_MAX_BYTES = 200 * 1024;
export const ThumbnailBody = z.strictObject({ image: z.string().max(Math.ceil((THUMBNAIL_MAX_BYTES * 4) / 3) + 64) });
export const ThumbnailReply = z.object({ image: z.string(), updatedAt: IsoTime });
export type ThumbnailReply = z.infer<typeof ThumbnailReply>;

export const SessionIdParams = z.object({ id: Id });
export const SessionUserParams = z.object({ id: Id, userId: Id });
