import { TokenBuckets } from '../auth/token-bucket.js';
import type { Clock } from '../core/ports.js';

/**
 * What one socket may signal: one peer link costs an offer or answer (a few KiB) and a dozen ICE
 * candidates, and a viewer or guest has one or two links. These budgets leave a page room to
 * renegotiate several times a second while a flood (200 × 60 KiB in a second, seen in review) is
 * cut off after a few messages.
 */
export const SIGNAL_BUDGET = {
  messages: { burst: 60, perSecond: 20 },
  bytes: { burst: 256 * 1024, perSecond: 64 * 1024 },
} as const;

/** Per-socket message and byte buckets; `take` answers 0 when allowed, else the seconds to wait. */
export function createSignalBudget(clock: Clock) {
  const messages = new TokenBuckets(SIGNAL_BUDGET.messages.burst, SIGNAL_BUDGET.messages.perSecond, clock);
  const bytes = new TokenBuckets(SIGNAL_BUDGET.bytes.burst, SIGNAL_BUDGET.bytes.perSecond, clock);
  return {
    take(socketId: string, size: number): number {
      const wait = messages.take(socketId);
      return wait > 0 ? wait : bytes.take(socketId, size);
    },
    forget(socketId: string): void {
      messages.forget(socketId);
      bytes.forget(socketId);
    },
  };
}

export type SignalBudget = ReturnType<typeof createSignalBudget>;
