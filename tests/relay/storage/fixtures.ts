/** Record builders for the storage contract suite: unique ids, times with odd milliseconds. */
import { randomUUID } from 'node:crypto';
import type {
  InvitationRecord,
  NewMessage,
  ParticipantRecord,
  SessionRecord,
  Storage,
  UserRecord,
} from '../../../relay-server/src/storage/types.js';

/** A time with a non-zero millisecond part, so truncation to seconds would show. */
export const at = (offsetMs = 0): Date => new Date(Date.UTC(2026, 0, 15, 12, 30, 45, 123) + offsetMs);

export const id = (): string => randomUUID();

let counter = 0;
export const uniqueName = (prefix = 'user'): string => `${prefix}_${Date.now().toString(36)}${(counter++).toString(36)}`;

export function user(overrides: Partial<UserRecord> = {}): UserRecord {
  return {
    id: id(),
    username: uniqueName(),
    displayName: 'Ada',
    kind: 'account',
    passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$abc$def',
    createdAt: at(),
    tokenGeneration: 0,
    ...overrides,
  };
}

export function session(hostId: string, overrides: Partial<SessionRecord> = {}): SessionRecord {
  return {
    id: id(),
    hostId,
    title: 'Evening show',
    description: '',
    type: 'video',
    isPublic: true,
    maxParticipants: 10,
    state: 'pending',
    createdAt: at(),
    startedAt: null,
    endedAt: null,
    peakViewerCount: 0,
    ...overrides,
  };
}

export function participant(sessionId: string, userId: string, overrides: Partial<ParticipantRecord> = {}): ParticipantRecord {
  return {
    sessionId,
    userId,
    role: 'viewer',
    audioEnabled: false,
    videoEnabled: false,
    audioForcedOff: false,
    videoForcedOff: false,
    joinedAt: at(),
    leftAt: null,
    ...overrides,
  };
}

export function invitation(sessionId: string, fromUserId: string, toUserId: string, overrides: Partial<InvitationRecord> = {}): InvitationRecord {
  return {
    id: id(),
    sessionId,
    fromUserId,
    toUserId,
    message: 'Join me!',
    status: 'pending',
    createdAt: at(),
    expiresAt: at(3600_000),
    ...overrides,
  };
}

export function message(sessionId: string, userId: string, overrides: Partial<NewMessage> = {}): NewMessage {
  return {
    id: id(),
    sessionId,
    userId,
    displayName: 'Ada',
    content: 'hello',
    type: 'text',
    clientMessageId: null,
    createdAt: at(),
    ...overrides,
  };
}

/** A host and their session, stored. */
export async function seedSession(storage: Storage, overrides: Partial<SessionRecord> = {}) {
  const host = await storage.users.create(user());
  const stored = await storage.sessions.create(session(host.id, overrides));
  return { host, session: stored };
}
