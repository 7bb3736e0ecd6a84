import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ChatStats, Message, ReactionCounts } from '../../../protocol/chat.js';
import type { Actor } from '../core/actor.js';
import { fail } from '../core/errors.js';
import type { ModuleContext } from '../core/module.js';
import type { ModerationService } from '../moderation/service.js';
import { accessSession, requireActor, requireModerator } from '../sessions/access.js';
import type { MessageRecord } from '../storage/types.js';
import { containsBlockedTerm } from './blocked-terms.js';
import { fold } from './confusables.js';
import { createDelivery } from './delivery.js';
import { ChatHistory } from './history.js';
import { ChatLimits } from './limits.js';
import { MessageWindows } from './message-window.js';
import { assertFollowerGate, assertMayPublish, authorizeSpeaker, type Origin } from './policy.js';
import { KeyedLock } from '../core/keyed-lock.js';
import { toMessage } from './wire.js';
import { MessageWriter } from './writer.js';

export interface SendInput {
  content: string;
  clientMessageId?: string | undefined;
}

export interface SendResult {
  message: Message;
  /** False when this `clientMessageId` had already been stored: `message` is that one. */
  created: boolean;
}

export type ChatService = ReturnType<typeof createChatService>;

const MINUTE_MS = 60_000;
/** "Active chatters" counts distinct authors over this span. */
const ACTIVE_SPAN_MS = 5 * MINUTE_MS;
/** A session window nobody touched for this long is freed (reloaded from storage on next use). */
const WINDOW_IDLE_MS = 10 * MINUTE_MS;
/** How long a host's folded display name is reused for the impersonation check. */
const HOST_NAME_CACHE_MS = MINUTE_MS;

/**
 * The chat domain: messages stored before they are acknowledged, delivered in `seq` order in
 * coalesced batches, reactions, pins and deletions. Plain TypeScript over the module context.
 */
export function createChatService(ctx: ModuleContext) {
  const { storage, clock, config } = ctx;
  const moderation = (): ModerationService => ctx.services.get('moderation');
  const serial = new KeyedLock();
  // The window sees only this node's writes: with several nodes (Redis) every read goes to storage.
  const windows = config.redisUrl
    ? null
    : new MessageWindows(config.maxChatMessages, (id, limit) => storage.messages.listBefore(id, undefined, limit), () => clock().getTime());
  const history = new ChatHistory(storage.messages, windows, serial);
  const hostNames = new Map<string, { folded: string; until: number }>();
  const limits = new ChatLimits(config.chatRate, clock);
  const delivery = createDelivery(ctx.notifier, (id) => storage.reactions.counts(id), ctx.logger);
  const writer = new MessageWriter(storage.messages, serial, async (sessionId, created) => {
    const window = await windows?.get(sessionId);
    for (const record of created) {
      window?.add(record);
      delivery.message(sessionId, toMessage(record));
    }
  });

  /**
   * A chatter whose name folds to the host's (`Ηost` with a Greek Eta, fullwidth letters, added marks)
   * is refused in that session: on Twitch and YouTube the broadcaster's name is what viewers trust,
   * so nobody else may speak under it. Host names are cached briefly (a name change shows within a minute).
   */
  async function assertNotPosingAsHost(hostId: string, displayName: string): Promise<void> {
    const now = clock().getTime();
    let cached = hostNames.get(hostId);
    if (!cached || cached.until < now) {
      const host = await storage.users.findById(hostId);
      cached = { folded: fold(host?.displayName ?? ''), until: now + HOST_NAME_CACHE_MS };
      if (hostNames.size > 10_000) hostNames.clear();
      hostNames.set(hostId, cached);
    }
    if (cached.folded && fold(displayName) === cached.folded) {
      throw fail.forbidden('Your name looks like the host’s: pick another name to chat here');
    }
  }

  /** A message of this session that is not deleted, or 404. */
  async function liveMessage(sessionId: string, messageId: string): Promise<MessageRecord> {
    const message = await storage.messages.findById(messageId);
    if (!message || message.sessionId !== sessionId || message.deletedAt) throw fail.notFound('Message');
    return message;
  }

  /** A replay of a stored message the window still holds: no limits apply, nothing is written. */
  function replayFromWindow(sessionId: string, userId: string, clientMessageId: string | undefined): MessageRecord | undefined {
    if (!clientMessageId) return undefined;
    return windows?.peek(sessionId)?.findByClientId(userId, clientMessageId);
  }

  async function send(caller: Actor | null, sessionId: string, input: SendInput, origin: Origin): Promise<SendResult> {
    const speaker = await authorizeSpeaker(storage, moderation(), sessionId, caller, origin);
    const { actor, access, settings } = speaker;
    const replay = replayFromWindow(sessionId, actor.userId, input.clientMessageId);
    if (replay) return { message: toMessage(replay), created: false };
    assertMayPublish(speaker);
    await assertFollowerGate(storage, speaker, clock());
    if (!access.isHost) await assertNotPosingAsHost(access.session.hostId, actor.displayName);
    if (containsBlockedTerm(input.content, settings.blockedTerms)) throw fail.blockedTerm();
    if (!access.canModerate) {
      limits.checkSlowMode(sessionId, actor.userId, settings.slowModeSeconds);
      limits.takeMessage(actor.userId);
    }
    const result = await writer.insert({
      id: randomUUID(),
      sessionId,
      userId: actor.userId,
      displayName: actor.displayName,
      content: input.content,
      type: 'text',
      clientMessageId: input.clientMessageId ?? null,
      createdAt: clock(),
    });
    if (result.created) limits.noteMessage(sessionId, actor.userId);
    return { message: toMessage(result.message), created: result.created };
  }

  async function list(caller: Actor | null, sessionId: string, query: { before?: string | undefined; limit: number }): Promise<Message[]> {
    await accessSession(storage, sessionId, caller);
    let beforeSeq: number | undefined;
    if (query.before) {
      const anchor = await storage.messages.findById(query.before);
      if (!anchor || anchor.sessionId !== sessionId) throw fail.notFound('Message');
      beforeSeq = anchor.seq;
    }
    return (await storage.messages.listBefore(sessionId, beforeSeq, query.limit)).map(toMessage);
  }

  async function remove(caller: Actor | null, sessionId: string, messageId: string): Promise<void> {
    const access = await accessSession(storage, sessionId, caller);
    if (!access.actor) throw fail.unauthorized();
    const actorId = access.actor.userId;
    const message = await liveMessage(sessionId, messageId);
    if (message.userId !== actorId && !access.canModerate) throw fail.forbidden('Only the author, the host and moderators may delete a message');
    await serial.run(sessionId, async () => {
      if (!(await storage.messages.softDelete(messageId, clock()))) return;
      windows?.peek(sessionId)?.remove(messageId);
      delivery.afterPending(sessionId, 'chat:deleted', { sessionId, messageId });
    });
    if (message.userId !== actorId) {
      await moderation().record({ sessionId, actorId, action: 'delete', targetUserId: message.userId, targetMessageId: messageId });
    }
  }

  async function setPinned(caller: Actor | null, sessionId: string, messageId: string, pinned: boolean): Promise<Message> {
    const access = await accessSession(storage, sessionId, caller);
    requireModerator(access);
    await liveMessage(sessionId, messageId);
    const updated = await serial.run(sessionId, async () => {
      const record = await storage.messages.setPinned(messageId, pinned);
      if (!record) throw fail.notFound('Message');
      windows?.peek(sessionId)?.replace(record);
      const message = toMessage(record);
      delivery.afterPending(sessionId, pinned ? 'chat:pinned' : 'chat:unpinned', { sessionId, message });
      return message;
    });
    const actorId = requireActor(access.actor).userId;
    await moderation().record({ sessionId, actorId, action: pinned ? 'pin' : 'unpin', targetUserId: updated.userId, targetMessageId: messageId });
    return updated;
  }

  async function react(caller: Actor | null, sessionId: string, emoji: string, origin: Origin): Promise<void> {
    const speaker = await authorizeSpeaker(storage, moderation(), sessionId, caller, origin);
    assertMayPublish(speaker);
    if (!speaker.access.canModerate) limits.takeReaction(speaker.actor.userId);
    await storage.reactions.add(sessionId, emoji, speaker.actor.userId, clock());
    delivery.reaction(sessionId, emoji, speaker.actor.userId);
  }

  async function stats(caller: Actor | null, sessionId: string): Promise<z.infer<typeof ChatStats>> {
    requireModerator(await accessSession(storage, sessionId, caller));
    const now = clock().getTime();
    const [messageCount, lastMinute, activeChatters, reactionCount, counts] = await Promise.all([
      storage.messages.count(sessionId),
      storage.messages.countSince(sessionId, new Date(now - MINUTE_MS)),
      storage.messages.countDistinctAuthorsSince(sessionId, new Date(now - ACTIVE_SPAN_MS)),
      storage.reactions.total(sessionId),
      moderation().counts(sessionId),
    ]);
    return { messageCount, activeChatters, messagesPerMinute: lastMinute, reactionCount, mutedCount: counts.muted, bannedCount: counts.banned };
  }

  return {
    send,
    list,
    remove,
    pin: (caller: Actor | null, sessionId: string, messageId: string) => setPinned(caller, sessionId, messageId, true),
    unpin: (caller: Actor | null, sessionId: string, messageId: string) => setPinned(caller, sessionId, messageId, false),
    async listPins(caller: Actor | null, sessionId: string): Promise<Message[]> {
      await accessSession(storage, sessionId, caller);
      return (await storage.messages.listPinned(sessionId)).map(toMessage);
    },
    react,
    async reactionCounts(caller: Actor | null, sessionId: string): Promise<ReactionCounts> {
      await accessSession(storage, sessionId, caller);
      return storage.reactions.counts(sessionId);
    },
    stats,

    /** For session:join (no authorisation here: the join handler did it). Messages after `afterMessageId`, or the latest 50. */
    historyForJoin: async (sessionId: string, afterMessageId?: string): Promise<Message[]> =>
      (await history.forJoin(sessionId, afterMessageId)).map(toMessage),
    /** For session:join: the session's pinned messages. */
    pins: async (sessionId: string): Promise<Message[]> => (await storage.messages.listPinned(sessionId)).map(toMessage),

    /** Periodic housekeeping: deletes old messages of ended sessions, frees idle windows and limits. */
    async housekeeping(): Promise<number> {
      windows?.evictIdle(Math.min(WINDOW_IDLE_MS, config.chatMessageRetentionMs));
      limits.prune();
      return storage.messages.purgeEndedBefore(new Date(clock().getTime() - config.chatMessageRetentionMs));
    },
    /** For a ban that removes the person's messages (authorised by the caller): deletes each, tells viewers; returns how many. */
    async removeAllBy(sessionId: string, userId: string): Promise<number> {
      const ids = await storage.messages.listIdsByAuthor(sessionId, userId);
      let removed = 0;
      await serial.run(sessionId, async () => {
        for (const messageId of ids) {
          if (!(await storage.messages.softDelete(messageId, clock()))) continue;
          removed += 1;
          windows?.peek(sessionId)?.remove(messageId);
          delivery.afterPending(sessionId, 'chat:deleted', { sessionId, messageId });
        }
      });
      return removed;
    },
    /** Sends whatever deliveries are still gathering. */
    close: () => delivery.close(),
  };
}
