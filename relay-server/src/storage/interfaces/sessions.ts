/** Lives and the people in them (host, guests, viewers). */
import type { Role, SessionState, SessionType } from '../../../../protocol/sessions.js';

export interface SessionRecord {
  id: string;
  hostId: string;
  title: string;
  description: string;
  type: SessionType;
  isPublic: boolean;
  maxParticipants: number;
  state: SessionState;
  createdAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  peakViewerCount: number;
}

export interface ParticipantRecord {
  sessionId: string;
  userId: string;
  role: Role;
  audioEnabled: boolean;
  videoEnabled: boolean;
  /** Set by the host: the participant may not turn these back on. */
  audioForcedOff: boolean;
  videoForcedOff: boolean;
  joinedAt: Date;
  /** Null while the user belongs to the session. */
  leftAt: Date | null;
}

export interface SessionRepo {
  create(session: SessionRecord): Promise<SessionRecord>;
  findById(id: string): Promise<SessionRecord | null>;
  /**
   * Compare-and-set: applies `patch` only while the session is in one of `fromStates`.
   * Returns the updated record, or null when the state had already moved on.
   */
  transition(
    id: string,
    fromStates: SessionState[],
    patch: Partial<Pick<SessionRecord, 'state' | 'startedAt' | 'endedAt'>>,
  ): Promise<SessionRecord | null>;
  /** Raises peakViewerCount to `count` when higher. */
  recordViewerPeak(id: string, count: number): Promise<void>;
  /** The session `hostId` hosts that is not ended, if any. */
  findOpenByHost(hostId: string): Promise<SessionRecord | null>;
  /** Newest first; `limit` defaults to 100. */
  listByState(states: SessionState[], options?: { publicOnly?: boolean; limit?: number }): Promise<SessionRecord[]>;
  /** Sessions not ended in which `userId` is host or a current (not left) participant. */
  listOpenForUser(userId: string): Promise<SessionRecord[]>;
  /** The host's sessions in `states`, newest start first (a profile's past lives). */
  listByHost(hostId: string, states: SessionState[], limit: number): Promise<SessionRecord[]>;
}

export interface ParticipantRepo {
  /** Inserts, or re-activates a participant who had left (clears leftAt, sets role and joinedAt). */
  upsert(participant: ParticipantRecord): Promise<ParticipantRecord>;
  find(sessionId: string, userId: string): Promise<ParticipantRecord | null>;
  /** Current participants (leftAt null), optionally only the given roles, ordered by joinedAt. */
  list(sessionId: string, roles?: readonly Role[]): Promise<ParticipantRecord[]>;
  count(sessionId: string, roles: readonly Role[]): Promise<number>;
  update(
    sessionId: string,
    userId: string,
    patch: Partial<Pick<ParticipantRecord, 'role' | 'audioEnabled' | 'videoEnabled' | 'audioForcedOff' | 'videoForcedOff' | 'leftAt'>>,
  ): Promise<ParticipantRecord | null>;
}
