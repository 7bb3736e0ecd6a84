import { fail } from '../core/errors.js';
import type { Clock } from '../core/ports.js';
import { TokenBuckets } from './token-bucket.js';

export type SignupLimit = ReturnType<typeof createSignupLimit>;

/**
 * Account and guest sign-ups per client address (one bucket for both): `perMinute` at once, refilled
 * at `perMinute` a minute. Each sign-up hashes a password or writes a user row, so a flood is costly.
 */
export function createSignupLimit(perMinute: number, clock: Clock) {
  const buckets = new TokenBuckets(perMinute, perMinute / 60, clock);
  return {
    /** Throws `rate_limited` (429 + Retry-After) when `address` has used up its sign-ups. */
    take(address: string): void {
      const waitSeconds = buckets.take(address);
      if (waitSeconds > 0) throw fail.rateLimited(waitSeconds, 'Too many sign-ups from this address, try again later');
    },
  };
}
