import type { Clock } from '../core/ports.js';

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/**
 * Token buckets by key: `capacity` attempts at once, refilled at `refillPerSecond`.
 * `take` answers 0 when allowed, else the seconds to wait before one more attempt may pass.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly capacity: number,
    private readonly refillPerSecond: number,
    private readonly clock: Clock,
    /** Bounds memory under a flood of distinct keys. */
    private readonly maxKeys = 100_000,
  ) {}

  /** `cost`: how many tokens this attempt spends (a byte budget spends one per byte). */
  take(key: string, cost = 1): number {
    const now = this.clock().getTime();
    const bucket = this.refill(key, now);
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      return 0;
    }
    return this.waitSeconds(bucket, cost);
  }

  /** Forgets a key (its socket is gone). */
  forget(key: string): void {
    this.buckets.delete(key);
  }

  /** Gives back a token taken for an attempt that turned out harmless (a successful sign-in). */
  refund(key: string): void {
    const bucket = this.buckets.get(key);
    if (bucket) bucket.tokens = Math.min(this.capacity, bucket.tokens + 1);
  }

  private waitSeconds(bucket: Bucket, cost = 1): number {
    return Math.max(1, Math.ceil((Math.min(cost, this.capacity) - bucket.tokens) / this.refillPerSecond));
  }

  private refill(key: string, now: number): Bucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.maxKeys) this.evictFull(now);
      bucket = { tokens: this.capacity, updatedMs: now };
      this.buckets.set(key, bucket);
      return bucket;
    }
    const elapsedSeconds = Math.max(0, now - bucket.updatedMs) / 1000;
    bucket.tokens = Math.min(this.capacity, bucket.tokens + elapsedSeconds * this.refillPerSecond);
    bucket.updatedMs = now;
    return bucket;
  }

  /** Drops buckets that have refilled completely: they hold no information. */
  private evictFull(now: number): void {
    const fullAfterMs = (this.capacity / this.refillPerSecond) * 1000;
    for (const [key, bucket] of this.buckets) if (now - bucket.updatedMs >= fullAfterMs) this.buckets.delete(key);
    if (this.buckets.size >= this.maxKeys) this.buckets.clear();
  }
}
