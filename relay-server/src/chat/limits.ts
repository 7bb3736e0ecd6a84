import { TokenBuckets } from '../auth/token-bucket.js';
import type { Clock } from '../core/ports.js';
import { fail } from '../core/errors.js';

/** Reactions are cheaper than messages: this many times the chat rate and burst. */
const REACTION_FACTOR = 5;

/**
 * Per-user flood control: token buckets for messages and reactions (CHAT_RATE_*), and the slow-mode
 * wait per user and session. In memory: a relay restart forgives everyone, which is acceptable.
 */
export class ChatLimits {
  private readonly messages: TokenBuckets;
  private readonly reactions: TokenBuckets;
  private readonly lastMessageMs = new Map<string, number>();

  constructor(
    rate: { perSecond: number; burst: number },
    private readonly clock: Clock,
  ) {
    this.messages = new TokenBuckets(rate.burst, rate.perSecond, clock);
    this.reactions = new TokenBuckets(rate.burst * REACTION_FACTOR, rate.perSecond * REACTION_FACTOR, clock);
  }

  /** Throws `rate_limited` (with the wait) when the user is inside the session's slow-mode wait. */
  checkSlowMode(sessionId: string, userId: string, slowModeSeconds: number): void {
    if (slowModeSeconds <= 0) return;
    const last = this.lastMessageMs.get(`${sessionId}\u0000${userId}`);
    if (last === undefined) return;
    const waitMs = last + slowModeSeconds * 1000 - this.clock().getTime();
    if (waitMs > 0) throw fail.rateLimited(Math.ceil(waitMs / 1000), `Slow mode is on: wait ${Math.ceil(waitMs / 1000)} s`);
  }

  noteMessage(sessionId: string, userId: string): void {
    this.lastMessageMs.set(`${sessionId}\u0000${userId}`, this.clock().getTime());
  }

  takeMessage(userId: string): void {
    const wait = this.messages.take(userId);
    if (wait > 0) throw fail.rateLimited(wait);
  }

  takeReaction(userId: string): void {
    const wait = this.reactions.take(userId);
    if (wait > 0) throw fail.rateLimited(wait);
  }

  /** Forgets slow-mode marks older than the longest possible wait (600 s). */
  prune(): void {
    const cutoff = this.clock().getTime() - 600_000;
    for (const [key, at] of this.lastMessageMs) if (at < cutoff) this.lastMessageMs.delete(key);
  }
}
