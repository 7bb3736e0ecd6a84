import type { Clock } from '../core/ports.js';
import type { RevokedTokenRepo } from '../storage/types.js';

/** Token ids revoked by logout, remembered until the token would have expired anyway. */
export interface RevocationStore {
  revoke(jti: string, expSeconds: number): Promise<void>;
  /** `recent`: a "not revoked" answer a few seconds old will do (per-event socket checks). */
  isRevoked(jti: string, recent?: boolean): Promise<boolean>;
}

/** In memory: this node's own revocations (the local layer of the two stores below). */
export class MemoryRevocations implements RevocationStore {
  private readonly revoked = new Map<string, number>();
  private lastSweep = 0;

  constructor(private readonly clock: Clock) {}

  /** Entries held (tests check that expired ones are forgotten). */
  get size(): number {
    return this.revoked.size;
  }

  async revoke(jti: string, expSeconds: number): Promise<void> {
    this.revoked.set(jti, expSeconds);
    this.sweep();
  }

  async isRevoked(jti: string): Promise<boolean> {
    return this.revoked.has(jti);
  }

  /** Forgets entries whose tokens have expired; at most once a minute. */
  private sweep(): void {
    const nowSeconds = Math.floor(this.clock().getTime() / 1000);
    if (nowSeconds - this.lastSweep < 60) return;
    this.lastSweep = nowSeconds;
    for (const [jti, exp] of this.revoked) if (exp < nowSeconds) this.revoked.delete(jti);
  }
}

/**
 * One relay node without REDIS_URL: every logout is written to the database, so a restart does not
 * bring a logged-out token back to life (tokens live 30 days). This node's logouts are also kept in
 * memory, which answers the per-event socket checks (`recent`) without a query: a socket's token was
 * checked against the database at its handshake, and any later logout went through this node.
 */
export class DatabaseRevocations implements RevocationStore {
  private readonly local: MemoryRevocations;
  private lastPrune = 0;

  constructor(
    private readonly repo: RevokedTokenRepo,
    private readonly clock: Clock,
  ) {
    this.local = new MemoryRevocations(clock);
  }

  async revoke(jti: string, expSeconds: number): Promise<void> {
    await this.local.revoke(jti, expSeconds);
    await this.repo.revoke(jti, new Date(expSeconds * 1000));
    await this.pruneStored();
  }

  async isRevoked(jti: string, recent = false): Promise<boolean> {
    if (await this.local.isRevoked(jti)) return true;
    return recent ? false : this.repo.isRevoked(jti);
  }

  /** Deletes rows of tokens that have expired anyway; at most once an hour, on a logout. */
  private async pruneStored(): Promise<void> {
    const now = this.clock().getTime();
    if (now - this.lastPrune < PRUNE_STORED_EVERY_MS) return;
    this.lastPrune = now;
    await this.repo.pruneExpired(new Date(now));
  }
}

const PRUNE_STORED_EVERY_MS = 3600_000;

/** The few Redis commands used here (node-redis v5 client). */
export interface RedisKeyValue {
  set(key: string, value: string, options: { EX: number }): Promise<unknown>;
  exists(key: string): Promise<number>;
}

const key = (jti: string) => `afritok:revoked:${jti}`;

/**
 * Shared by every node through Redis (with REDIS_URL): a logout on one node ends the token on all.
 * Each entry expires with its token. A local copy answers repeated checks without a round trip.
 */
export class RedisRevocations implements RevocationStore {
  private readonly local: MemoryRevocations;
  /** jti → time (ms) until which "not revoked" may be answered without asking Redis. */
  private readonly knownValid = new Map<string, number>();

  constructor(
    private readonly redis: RedisKeyValue,
    private readonly clock: Clock,
  ) {
    this.local = new MemoryRevocations(clock);
  }

  async revoke(jti: string, expSeconds: number): Promise<void> {
    await this.local.revoke(jti, expSeconds);
    this.knownValid.delete(jti);
    const ttl = Math.max(1, expSeconds - Math.floor(this.clock().getTime() / 1000));
    await this.redis.set(key(jti), '1', { EX: ttl });
  }

  /**
   * With `recent`, a "not revoked" answer is reused for a few seconds so that busy sockets do not ask
   * Redis on every event (HTTP requests and handshakes always ask); a logout elsewhere also disconnects the user's sockets on every node at once, so this only
   * delays the refusal of a token replayed on another node by at most that long.
   */
  async isRevoked(jti: string, recent = false): Promise<boolean> {
    if (await this.local.isRevoked(jti)) return true;
    const now = this.clock().getTime();
    if (recent && (this.knownValid.get(jti) ?? 0) > now) return false;
    const revoked = (await this.redis.exists(key(jti))) > 0;
    if (!revoked) this.rememberValid(jti, now);
    return revoked;
  }

  private rememberValid(jti: string, now: number): void {
    if (this.knownValid.size >= MAX_CACHED) {
      for (const [cached, until] of this.knownValid) if (until <= now) this.knownValid.delete(cached);
      if (this.knownValid.size >= MAX_CACHED) this.knownValid.clear();
    }
    this.knownValid.set(jti, now + VALID_CACHE_MS);
  }
}

const VALID_CACHE_MS = 2000;
const MAX_CACHED = 50_000;
