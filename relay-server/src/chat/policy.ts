import type { ChatSettings } from '../../../protocol/chat.js';
import { isStage } from '../../../protocol/sessions.js';
import type { Actor } from '../core/actor.js';
import { fail } from '../core/errors.js';
import type { ModerationService } from '../moderation/service.js';
import { accessSession, requireActor, type SessionAccess } from '../sessions/access.js';
import type { MuteRecord, Repositories } from '../storage/types.js';

/** Where a chat action comes from: a socket knows its rooms, an HTTP request asks presence. */
export interface Origin {
  /** Whether the caller has a socket in the session's room. */
  inRoom(sessionId: string, userId: string): Promise<boolean>;
}

export interface Speaker {
  access: SessionAccess;
  actor: Actor;
  /** The speaker's mute if it has not lifted yet (never for the host). */
  mute: MuteRecord | null;
  settings: ChatSettings;
}

/**
 * Who may speak (message or react) in a session: a signed-in user who joined it (any role) or whose
 * socket is in its room, and who is not banned. Mutes and the session's state are checked by
 * `assertMayPublish`, after an idempotent replay had its chance. The moderation reads run together.
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
  const [banned, mute, settings] = await Promise.all([
    access.isHost ? false : moderation.isBanned(sessionId, actor.userId),
    access.isHost ? null : moderation.activeMute(sessionId, actor.userId),
    moderation.currentSettings(sessionId),
  ]);
  if (banned) throw fail.banned();
  if (access.role === null && !(await origin.inRoom(sessionId, actor.userId))) throw fail.forbidden('Join the session first');
  return { access, actor, mute, settings };
}

/** A new message or reaction needs the session on air and the speaker not muted. */
export function assertMayPublish(speaker: Speaker): void {
  const { session } = speaker.access;
  if (session.state !== 'starting' && session.state !== 'live') throw fail.invalidTransition(session.state, 'chat in');
  if (speaker.mute) throw fail.muted(speaker.mute.until);
}

/**
 * Followers-only chat, as on Twitch: a viewer must follow the host, for at least
 * `followersOnlyMinutes` when set. The stage and moderators are exempt; reactions are not gated.
 */
export async function assertFollowerGate(repos: Repositories, speaker: Speaker, now: Date): Promise<void> {
  const { settings, access, actor } = speaker;
  if (!settings.followersOnly || access.canModerate || isStage(access.role)) return;
  const follow = await repos.follows.find(actor.userId, access.session.hostId);
  const minutes = settings.followersOnlyMinutes;
  if (!follow || now.getTime() - follow.createdAt.getTime() < minutes * 60_000) throw fail.followersOnly(minutes);
}
