import { randomUUID } from 'node:crypto';
import type { ChatSettings, ModerationLogEntry, ModerationPeopleReply } from '../../../protocol/chat.js';
import type { Actor } from '../core/actor.js';
import { fail } from '../core/errors.js';
import type { ModuleContext } from '../core/module.js';
import { accessSession, requireActor, requireHost, requireModerator, type SessionAccess } from '../sessions/access.js';
import type { ModerationLogRecord, MuteRecord } from '../storage/types.js';
import { MuteTimers } from './mute-timers.js';
import { normaliseBlockedTerms, toChatSettings } from './settings.js';
import { toBan, toLogEntry, toMute } from './wire.js';

export type LogInput = Omit<ModerationLogRecord, 'id' | 'createdAt' | 'targetUserId' | 'targetMessageId' | 'detail'> &
  Partial<Pick<ModerationLogRecord, 'targetUserId' | 'targetMessageId' | 'detail'>>;

export interface ModerationService {
  mute(actor: Actor | null, sessionId: string, input: { userId: string; durationSeconds?: number | undefined }): Promise<ReturnType<typeof toMute>>;
  unmute(actor: Actor | null, sessionId: string, userId: string): Promise<void>;
  ban(
    actor: Actor | null,
    sessionId: string,
    input: { userId: string; reason?: string | undefined; removeMessages?: boolean | undefined },
  ): Promise<{ ban: ReturnType<typeof toBan>; removedMessages?: number }>;
  /** The people drawer: active mutes and bans with names (host and moderators). */
  people(actor: Actor | null, sessionId: string): Promise<ModerationPeopleReply>;
  unban(actor: Actor | null, sessionId: string, userId: string): Promise<void>;
  getSettings(actor: Actor | null, sessionId: string): Promise<ChatSettings>;
  updateSettings(actor: Actor | null, sessionId: string, patch: Partial<ChatSettings>): Promise<ChatSettings>;
  log(actor: Actor | null, sessionId: string): Promise<ModerationLogEntry[]>;

  // For other modules (no authorisation: callers have done it).
  currentSettings(sessionId: string): Promise<ChatSettings>;
  /** The user's mute if it has not lifted yet. */
  activeMute(sessionId: string, userId: string): Promise<MuteRecord | null>;
  isBanned(sessionId: string, userId: string): Promise<boolean>;
  counts(sessionId: string): Promise<{ muted: number; banned: number }>;
  /** Appends to the session's moderation log (chat logs pins and deletions, sessions log role changes). */
  record(entry: LogInput): Promise<void>;

  /** Re-arms the lift timers of timed mutes in open sessions (after a restart). */
  restoreTimers(): Promise<void>;
  close(): void;
}

const LOG_LIMIT = 500;

export function createModerationService(ctx: ModuleContext): ModerationService {
  const { storage, notifier, clock } = ctx;
  const timers = new MuteTimers((sessionId, userId) => liftIfDue(sessionId, userId), () => clock().getTime());

  const record = async (entry: LogInput): Promise<void> => {
    await storage.moderation.appendLog({
      id: randomUUID(),
      targetUserId: null,
      targetMessageId: null,
      detail: null,
      ...entry,
      createdAt: clock(),
    });
  };

  const isActive = (mute: MuteRecord): boolean => mute.until === null || mute.until.getTime() > clock().getTime();

  async function liftIfDue(sessionId: string, userId: string): Promise<void> {
    try {
      const mute = await storage.moderation.findMute(sessionId, userId);
      if (!mute || mute.until === null) return;
      if (isActive(mute)) return timers.schedule(sessionId, userId, mute.until);
      // Only the node whose delete succeeds announces the lift.
      if (!(await storage.moderation.removeMute(sessionId, userId))) return;
      notifier.toSession(sessionId, 'moderation:unmuted', { sessionId, userId });
      await record({ sessionId, actorId: mute.createdBy, action: 'unmute', targetUserId: userId, detail: 'expired' });
    } catch (err) {
      ctx.logger.warn({ err, sessionId, userId }, 'could not lift a timed mute; retrying in a minute');
      timers.schedule(sessionId, userId, new Date(clock().getTime() + 60_000));
    }
  }

  /** After a ban: the viewer count, and the stage list when the banned user was on it (sessions module). */
  async function refreshPresence(sessionId: string, wasOnStage: boolean): Promise<void> {
    if (!ctx.services.has('sessions')) return;
    const present = ctx.services.get('sessions').present;
    present.scheduleViewerCount(sessionId);
    if (wasOnStage) await present.broadcastParticipants(sessionId);
  }

  /** A moderator acts on `userId`: never the host, never oneself, and only the host acts on moderators. */
  async function moderatorOver(actor: Actor | null, sessionId: string, userId: string): Promise<SessionAccess & { actor: Actor }> {
    const access = await accessSession(storage, sessionId, actor);
    requireModerator(access);
    const self = requireActor(access.actor);
    if (userId === access.session.hostId) throw fail.forbidden('The host cannot be muted or banned');
    if (userId === self.userId) throw fail.forbidden('You cannot do this to yourself');
    if (!(await storage.users.findById(userId))) throw fail.notFound('User');
    const target = await storage.participants.find(sessionId, userId);
    // A moderator who stepped out is still a moderator (they come back as one): still off limits.
    if (target && target.role === 'moderator' && !access.isHost) {
      throw fail.forbidden('Only the host may mute or ban a moderator');
    }
    return { ...access, actor: self };
  }

  /**
   * Who may lift a ban: the host any; a moderator only a ban a moderator made. A ban the host made
   * (which includes every ban of a moderator, since moderators cannot ban each other) is the host's
   * call, as on Twitch where a channel's moderators cannot overrule the broadcaster.
   */
  async function assertMayLift(access: SessionAccess, userId: string): Promise<void> {
    if (access.isHost) return;
    const ban = await storage.moderation.findBan(access.session.id, userId);
    if (ban && ban.createdBy === access.session.hostId) throw fail.forbidden('Only the host may lift a ban the host made');
  }

  return {
    async mute(actor, sessionId, input) {
      const access = await moderatorOver(actor, sessionId, input.userId);
      const now = clock();
      const until = input.durationSeconds ? new Date(now.getTime() + input.durationSeconds * 1000) : null;
      const mute = await storage.moderation.upsertMute({ sessionId, userId: input.userId, until, createdBy: access.actor.userId, createdAt: now });
      timers.schedule(sessionId, input.userId, mute.until);
      await record({
        sessionId,
        actorId: access.actor.userId,
        action: 'mute',
        targetUserId: input.userId,
        detail: input.durationSeconds ? `${input.durationSeconds}s` : null,
      });
      const view = toMute(mute);
      notifier.toSession(sessionId, 'moderation:muted', { sessionId, userId: input.userId, until: view.until });
      return view;
    },

    async unmute(actor, sessionId, userId) {
      const access = await moderatorOver(actor, sessionId, userId);
      timers.cancel(sessionId, userId);
      if (!(await storage.moderation.removeMute(sessionId, userId))) return;
      await record({ sessionId, actorId: access.actor.userId, action: 'unmute', targetUserId: userId });
      notifier.toSession(sessionId, 'moderation:unmuted', { sessionId, userId });
    },

    async ban(actor, sessionId, input) {
      const access = await moderatorOver(actor, sessionId, input.userId);
      const now = clock();
      const ban = await storage.moderation.upsertBan({
        sessionId,
        userId: input.userId,
        reason: input.reason ?? null,
        createdBy: access.actor.userId,
        createdAt: now,
      });
      const participant = await storage.participants.find(sessionId, input.userId);
      const wasMember = participant !== null && participant.leftAt === null;
      // A ban ends every role: lifted later, they come back as a viewer, never as a guest or moderator.
      if (participant) await storage.participants.update(sessionId, input.userId, { leftAt: participant.leftAt ?? now, role: 'viewer' });
      await record({ sessionId, actorId: access.actor.userId, action: 'ban', targetUserId: input.userId, detail: input.reason ?? null });
      // Told while still in the room, so the banned user's page learns why it stops receiving.
      notifier.toSession(sessionId, 'moderation:banned', { sessionId, userId: input.userId });
      await notifier.removeFromSession(sessionId, input.userId);
      if (ctx.services.has('media')) ctx.services.get('media').endMediaOf(sessionId, input.userId);
      await refreshPresence(sessionId, wasMember && participant.role !== 'viewer');
      if (!input.removeMessages || !ctx.services.has('chat')) return { ban: toBan(ban) };
      const removedMessages = await ctx.services.get('chat').removeAllBy(sessionId, input.userId);
      return { ban: toBan(ban), removedMessages };
    },

    async people(actor, sessionId) {
      const access = await accessSession(storage, sessionId, actor);
      requireModerator(access);
      const [mutes, bans] = await Promise.all([storage.moderation.listMutes(sessionId), storage.moderation.listBans(sessionId)]);
      const nameOf = async (userId: string) => (await storage.users.findById(userId))?.displayName ?? '';
      return {
        mutes: await Promise.all(
          mutes.filter(isActive).map(async (m) => ({
            userId: m.userId,
            displayName: await nameOf(m.userId),
            by: m.createdBy,
            since: m.createdAt.toISOString(),
            until: m.until ? m.until.toISOString() : null,
          })),
        ),
        bans: await Promise.all(
          bans.map(async (b) => ({ userId: b.userId, displayName: await nameOf(b.userId), by: b.createdBy, since: b.createdAt.toISOString(), reason: b.reason })),
        ),
      };
    },

    async unban(actor, sessionId, userId) {
      const access = await accessSession(storage, sessionId, actor);
      requireModerator(access);
      await assertMayLift(access, userId);
      if (!(await storage.moderation.removeBan(sessionId, userId))) return;
      await record({ sessionId, actorId: requireActor(access.actor).userId, action: 'unban', targetUserId: userId });
    },

    async getSettings(actor, sessionId) {
      const access = await accessSession(storage, sessionId, actor);
      if (!access.actor) throw fail.unauthorized();
      if (access.role === null) throw fail.forbidden('Join the session first');
      return toChatSettings(await storage.moderation.getSettings(sessionId));
    },

    async updateSettings(actor, sessionId, patch) {
      const access = await accessSession(storage, sessionId, actor);
      requireModerator(access);
      const current = toChatSettings(await storage.moderation.getSettings(sessionId));
      const next: ChatSettings = {
        slowModeSeconds: patch.slowModeSeconds ?? current.slowModeSeconds,
        blockedTerms: normaliseBlockedTerms(patch.blockedTerms ?? current.blockedTerms),
        followersOnly: patch.followersOnly ?? current.followersOnly,
        followersOnlyMinutes: patch.followersOnlyMinutes ?? current.followersOnlyMinutes,
      };
      const saved = await storage.moderation.putSettings({ sessionId, ...next });
      await record({ sessionId, actorId: requireActor(access.actor).userId, action: 'settings', detail: JSON.stringify(patch) });
      const settings = toChatSettings(saved);
      notifier.toSession(sessionId, 'chat:settings', { sessionId, settings });
      return settings;
    },

    async log(actor, sessionId) {
      const access = await accessSession(storage, sessionId, actor);
      requireHost(access);
      return (await storage.moderation.listLog(sessionId, LOG_LIMIT)).map(toLogEntry);
    },

    currentSettings: async (sessionId) => toChatSettings(await storage.moderation.getSettings(sessionId)),
    async activeMute(sessionId, userId) {
      const mute = await storage.moderation.findMute(sessionId, userId);
      return mute && isActive(mute) ? mute : null;
    },
    isBanned: async (sessionId, userId) => (await storage.moderation.findBan(sessionId, userId)) !== null,
    async counts(sessionId) {
      const [mutes, bans] = await Promise.all([storage.moderation.listMutes(sessionId), storage.moderation.listBans(sessionId)]);
      return { muted: mutes.filter(isActive).length, banned: bans.length };
    },
    record,

    async restoreTimers() {
      const open = await storage.sessions.listByState(['pending', 'starting', 'live']);
      for (const session of open) {
        for (const mute of await storage.moderation.listMutes(session.id)) timers.schedule(session.id, mute.userId, mute.until);
      }
    },
    close: () => timers.clear(),
  };
}
