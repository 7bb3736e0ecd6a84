import type { Message } from '../../../protocol/chat.js';
import type { ApiError } from '../../../protocol/common.js';

/**
 * Pure chat-log logic of a SessionChannel: merging deliveries that may overlap, arrive late or be
 * re-sent after a reconnect, and the outbox of messages not yet acknowledged. No I/O here, so it is
 * unit-tested directly.
 */

/** How many messages a client keeps in memory (the relay keeps its own bounded history). */
export const CHAT_LOG_LIMIT = 500;

/**
 * Merges `incoming` into `existing`: one entry per id (a later copy replaces an earlier one, e.g. a
 * changed `pinned` flag), in storage order (`seq`), whatever order the batches arrived in: with
 * several relay nodes, two nodes' `chat:messages` batches can overtake each other. Keeps the newest
 * `limit` messages (by seq).
 */
export function mergeMessages(existing: readonly Message[], incoming: readonly Message[], limit = CHAT_LOG_LIMIT): Message[] {
  if (incoming.length === 0) return existing.slice();
  const byId = new Map<string, Message>();
  for (const m of existing) byId.set(m.id, m);
  for (const m of incoming) byId.set(m.id, m);
  // Array.prototype.sort is stable, so equal seqs (never from one relay database) keep arrival order.
  const merged = [...byId.values()].sort((a, b) => a.seq - b.seq);
  return merged.length > limit ? merged.slice(merged.length - limit) : merged;
}

/**
 * The id to re-join with: the message with the highest seq seen. The relay answers with every
 * message after that seq, and `mergeMessages` slots them in by seq without duplicates.
 */
export function lastMessageId(messages: readonly Message[]): string | undefined {
  let newest: Message | undefined;
  for (const m of messages) if (!newest || m.seq > newest.seq) newest = m;
  return newest?.id;
}

export function withoutMessage(messages: readonly Message[], messageId: string): Message[] {
  return messages.filter((m) => m.id !== messageId);
}

/** Applies a pin change to the log (the message may be absent: then only the pins list changes). */
export function withPinned(messages: readonly Message[], messageId: string, pinned: boolean): Message[] {
  return messages.map((m) => (m.id === messageId && m.pinned !== pinned ? { ...m, pinned } : m));
}

export function upsertPin(pins: readonly Message[], message: Message): Message[] {
  return mergeMessages(pins.filter((p) => p.id !== message.id), [{ ...message, pinned: true }]);
}

export function removePin(pins: readonly Message[], messageId: string): Message[] {
  return pins.filter((p) => p.id !== messageId);
}

export type PendingStatus = 'pending' | 'failed';

/** A message the user sent that the relay has not acknowledged yet (or refused for good). */
export interface PendingMessage {
  clientMessageId: string;
  content: string;
  status: PendingStatus;
  /** Why it failed, when `status` is `failed`. */
  error: ApiError | null;
  /** Local time it was typed, for display only. */
  createdAt: string;
}

/** `pending` without the messages `delivered` carries (matched by clientMessageId); the same array when none match. */
export function withoutDelivered(pending: readonly PendingMessage[], delivered: readonly Message[]): readonly PendingMessage[] {
  const ids = new Set(delivered.map((m) => m.clientMessageId).filter((id): id is string => id !== null));
  if (ids.size === 0 || !pending.some((p) => ids.has(p.clientMessageId))) return pending;
  return pending.filter((p) => !ids.has(p.clientMessageId));
}

/** Errors after which re-sending the same message can succeed. */
const RETRYABLE = new Set<ApiError['code']>(['unavailable', 'rate_limited', 'internal']);

export function isRetryable(error: ApiError): boolean {
  return RETRYABLE.has(error.code);
}

/**
 * Messages waiting for the relay's acknowledgement. Each keeps its clientMessageId for life, so a
 * resend after a reconnect is idempotent on the relay (it answers with the message already stored).
 */
export class Outbox {
  private items: readonly PendingMessage[] = [];

  list(): readonly PendingMessage[] {
    return this.items;
  }

  add(clientMessageId: string, content: string, now: Date = new Date()): PendingMessage {
    const item: PendingMessage = { clientMessageId, content, status: 'pending', error: null, createdAt: now.toISOString() };
    this.items = [...this.items, item];
    return item;
  }

  /** The relay stored it (ack, or its broadcast reached us first): it leaves the outbox. */
  confirm(clientMessageId: string): boolean {
    const before = this.items.length;
    this.items = this.items.filter((i) => i.clientMessageId !== clientMessageId);
    return this.items.length !== before;
  }

  /** Removes every entry whose message is in `messages` (matched by clientMessageId). */
  confirmDelivered(messages: readonly Message[]): boolean {
    const before = this.items.length;
    this.items = withoutDelivered(this.items, messages);
    return this.items.length !== before;
  }

  /** A refusal: kept as `pending` for a retry when the error is transient, else marked `failed`. */
  reject(clientMessageId: string, error: ApiError): void {
    if (isRetryable(error)) return;
    this.items = this.items.map((i) => (i.clientMessageId === clientMessageId ? { ...i, status: 'failed', error } : i));
  }

  /** Marks a failed message pending again (the user pressed "retry"). */
  retry(clientMessageId: string): PendingMessage | undefined {
    this.items = this.items.map((i) => (i.clientMessageId === clientMessageId ? { ...i, status: 'pending', error: null } : i));
    return this.items.find((i) => i.clientMessageId === clientMessageId);
  }

  discard(clientMessageId: string): void {
    this.confirm(clientMessageId);
  }

  /** What to (re)send now, oldest first. */
  unacked(): PendingMessage[] {
    return this.items.filter((i) => i.status === 'pending');
  }
}

/** A clientMessageId: crypto.randomUUID where available (secure contexts), else 128 random bits. */
export function newClientMessageId(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = c.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}
