import type { Actor } from '../core/actor.js';
import { fail } from '../core/errors.js';
import type { ModerationService } from '../moderation/service.js';
import { accessSession, requireActor, type SessionAccess } from '../sessions/access.js';
import type { Repositories } from '../storage/types.js';

/** Where a chat action comes from: a socket knows its rooms, an HTTP request asks presence. */
export interface Origin {
  /** Whether the caller has a socket in the session's room. */
  inRoom(sessionId: string, userId: string): Promise<boolean>;
}

export interface Speaker {
  access: SessionAccess;
  actor: Actor;
}

/**
 * Who may speak (message or react) in a session: a signed-in user who joined it (any role) or whose
 * socket is in its room, and who is not banned. Mutes and the session's state are checked by
 * `assertMayPublish`, after an idempotent replay had its chance.
 */
export async function authorizeSpeaker(
  repos: Repositories,
  moderation: ModerationService,
  sessionId: string,
  caller: Actor | null,
  origin: Origin,
): Promise<Speaker> {
  const access = await accessSession(repos, sessionId, caller);
  const actor = requireActor(access.actor);
  if (access.isHost) return { access, actor };
  if (await moderation.isBanned(sessionId, actor.userId)) throw fail.banned();
  if (access.role === null && !(await origin.inRoom(sessionId, actor.userId))) throw fail.forbidden('Join the session first');
  return { access, actor };
}

/** A new message or reaction needs the session on air and the speaker not muted. */
export async function assertMayPublish(moderation: ModerationService, speaker: Speaker): Promise<void> {
  const { session } = speaker.access;
  if (session.state !== 'starting' && session.state !== 'live') throw fail.invalidTransition(session.state, 'chat in');
  if (speaker.access.isHost) return;
  const mute = await moderation.activeMute(session.id, speaker.actor.userId);
  if (mute) throw fail.muted(mute.until);
}
