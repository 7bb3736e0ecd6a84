import { RelayError } from '../../api/client.js';

/**
 * Exponential backoff with jitter for re-POSTing WHIP/WHEP offers: every offer costs the server a peer
 * connection, so a crowd of viewers retrying after the same outage must not arrive in lockstep.
 */
export class Backoff {
  private attempt = 0;

  constructor(
    private readonly firstMs: number,
    private readonly maxMs: number,
  ) {}

  /** The wait before the next attempt; grows with each call until reset(). */
  next(): number {
    const base = Math.min(this.maxMs, this.firstMs * 2 ** this.attempt);
    this.attempt++;
    return Math.round(base * (0.75 + Math.random() * 0.5));
  }

  reset(): void {
    this.attempt = 0;
  }
}

/** A relay error code, or the message of a network failure, for the UI to explain. */
export function reasonOf(err: unknown): string {
  if (err instanceof RelayError) return err.error.code;
  // fetch rejects with a TypeError when the server cannot be reached at all.
  if (err instanceof TypeError) return 'unavailable';
  return err instanceof Error ? err.message : 'unavailable';
}
