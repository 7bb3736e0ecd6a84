import type { Clock } from '../core/ports.js';

/**
 * Token ids revoked by logout, kept until the token would have expired anyway.
 * In memory: right for one relay node. With several nodes behind a balancer a logout on one node
 * is not seen by the others; that needs this list in Redis or the database (see relay-server/README.md).
 */
export class RevocationList {
  private readonly revoked = new Map<string, number>();
  private lastSweep = 0;

  constructor(private readonly clock: Clock) {}

  revoke(jti: string, expSeconds: number): void {
    this.revoked.set(jti, expSeconds);
    this.sweep();
  }

  isRevoked(jti: string): boolean {
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
