import type { Role } from '../../../protocol/sessions.js';
import type { Actor } from '../core/actor.js';
import { fail } from '../core/errors.js';
import type { InvitationRecord, ParticipantRecord, Repositories, SessionRecord } from '../storage/types.js';

/** What the caller is to one session; every domain service authorises through this. */
export interface SessionAccess {
  session: SessionRecord;
  actor: Actor | null;
  /** The caller's current role, or null when not a participant. */
  role: Role | null;
  isHost: boolean;
  /** Host or moderator. */
  canModerate: boolean;
  /** The caller's participant row as read for this check (null for the host and anonymous callers). */
  participant: ParticipantRecord | null;
}

/**
 * Loads a session as the caller may see it. A private session is 404 to anyone who is not its host,
 * a current participant or an invitee, so its existence never leaks.
 */
export async function accessSession(repos: Repositories, sessionId: string, actor: Actor | null): Promise<SessionAccess> {
  const session = await repos.sessions.findById(sessionId);
  if (!session) throw fail.notFound('Session');
  return accessLoadedSession(repos, session, actor);
}

/**
 * Whether a pending invitation still opens its private session: only until it expires (an invitation
 * past its time stays `pending` in storage until someone looks at it, see invitations/service.ts).
 */
export function invitationOpens(invitation: InvitationRecord | null, now: Date): boolean {
  return invitation !== null && invitation.expiresAt.getTime() > now.getTime();
}

/**
 * accessSession for a session record the caller has just read (a join storm shares one read).
 * `viaViewerLink`: the caller holds the host's viewer invite link, which opens a private session to them.
 */
export async function accessLoadedSession(
  repos: Repositories,
  session: SessionRecord,
  actor: Actor | null,
  now: Date = new Date(),
  viaViewerLink = false,
): Promise<SessionAccess> {
  const isHost = actor !== null && actor.userId === session.hostId;
  const participant = actor && !isHost ? await repos.participants.find(session.id, actor.userId) : null;
  const role: Role | null = isHost ? 'host' : participant && participant.leftAt === null ? participant.role : null;
  if (!session.isPublic && !isHost && role === null && !viaViewerLink) {
    const invited = actor ? await repos.invitations.findPending(session.id, actor.userId) : null;
    if (!invitationOpens(invited, now)) throw fail.notFound('Session');
  }
  return { session, actor, role, isHost, canModerate: role === 'host' || role === 'moderator', participant };
}

/** Signed in, or 401. */
export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw fail.unauthorized();
  return actor;
}

export function requireHost(access: SessionAccess): void {
  if (!access.actor) throw fail.unauthorized();
  if (!access.isHost) throw fail.notHost();
}

export function requireModerator(access: SessionAccess): void {
  if (!access.actor) throw fail.unauthorized();
  if (!access.canModerate) throw fail.forbidden('Only the host and moderators may do this');
}

export function requireParticipant(access: SessionAccess): Actor {
  if (!access.actor) throw fail.unauthorized();
  if (access.role === null) throw fail.forbidden('Join the session first');
  return access.actor;
}
