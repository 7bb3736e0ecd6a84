import type { Message } from '../../../protocol/chat.js';
import type { ServerEventName, ServerPayload } from '../../../protocol/events.js';
import type { Notifier } from '../core/ports.js';
import type { Logger } from '../core/logger.js';

/** How long deliveries to one room are gathered before they go out as one frame. */
export const DELIVERY_WINDOW_MS = 40;
/**
 * Reactions are ambient (floating hearts, counts): gathered longer, so a reaction flood costs the room a few
 * frames a second instead of one per chat window (bench raid: every frame is a write to every viewer).
 */
export const REACTION_WINDOW_MS = 250;
const MAX_RECENT_REACTIONS = 20;

interface Batch<T> {
  items: T[];
  timer: NodeJS.Timeout;
}

export interface Delivery {
  /** Queues a stored message for the session's room; callers queue in `seq` order. */
  message(sessionId: string, message: Message): void;
  /** Queues a reaction; the room receives fresh counts with the recent ones. */
  reaction(sessionId: string, emoji: string, userId: string): void;
  /** Sends what is queued for the session, then `event`: a deletion never overtakes its message. */
  afterPending<E extends ServerEventName>(sessionId: string, event: E, payload: ServerPayload<E>): void;
  /** Sends everything queued and stops the timers. */
  close(): Promise<void>;
}

/**
 * Coalesces chat deliveries per room over a short window, so a busy room costs a few frames a second
 * per viewer and each frame is encoded once for the whole room (one Notifier call per batch).
 */
export function createDelivery(
  notifier: Notifier,
  reactionCounts: (sessionId: string) => Promise<Record<string, number>>,
  logger: Logger,
  windowMs = DELIVERY_WINDOW_MS,
  reactionWindowMs = REACTION_WINDOW_MS,
): Delivery {
  const messages = new Map<string, Batch<Message>>();
  const reactions = new Map<string, Batch<{ emoji: string; userId: string }>>();
  const inFlight = new Set<Promise<void>>();

  const flushMessages = (sessionId: string): void => {
    const batch = messages.get(sessionId);
    if (!batch) return;
    clearTimeout(batch.timer);
    messages.delete(sessionId);
    notifier.toSession(sessionId, 'chat:messages', { sessionId, messages: batch.items });
  };

  const flushReactions = (sessionId: string): void => {
    const batch = reactions.get(sessionId);
    if (!batch) return;
    clearTimeout(batch.timer);
    reactions.delete(sessionId);
    // Only the totals of reactions in this batch: the room already has the others.
    const changed = new Set(batch.items.map((r) => r.emoji));
    const sent = reactionCounts(sessionId)
      .then((all) => {
        const counts = Object.fromEntries(Object.entries(all).filter(([emoji]) => changed.has(emoji)));
        notifier.toSession(sessionId, 'chat:reactions', { sessionId, counts, recent: batch.items });
      })
      .catch((err: unknown) => logger.warn({ err, sessionId }, 'reaction counts unavailable; update skipped'))
      .finally(() => inFlight.delete(sent));
    inFlight.add(sent);
  };

  function enqueue<T>(batches: Map<string, Batch<T>>, sessionId: string, item: T, flush: (id: string) => void, waitMs: number, cap?: number): void {
    const batch = batches.get(sessionId);
    if (batch) {
      batch.items.push(item);
      if (cap !== undefined && batch.items.length > cap) batch.items.shift();
      return;
    }
    batches.set(sessionId, { items: [item], timer: setTimeout(() => flush(sessionId), waitMs) });
  }

  return {
    message: (sessionId, message) => enqueue(messages, sessionId, message, flushMessages, windowMs),
    reaction: (sessionId, emoji, userId) =>
      enqueue(reactions, sessionId, { emoji, userId }, flushReactions, reactionWindowMs, MAX_RECENT_REACTIONS),
    afterPending(sessionId, event, payload) {
      flushMessages(sessionId);
      notifier.toSession(sessionId, event, payload);
    },
    async close() {
      for (const sessionId of [...messages.keys()]) flushMessages(sessionId);
      for (const sessionId of [...reactions.keys()]) flushReactions(sessionId);
      await Promise.all([...inFlight]);
    },
  };
}
