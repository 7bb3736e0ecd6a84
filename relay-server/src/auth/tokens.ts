import { randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import type { Clock } from '../core/ports.js';

/** How long a sign-in lasts; logout ends it earlier. */
export const TOKEN_TTL_SECONDS = 30 * 24 * 3600;
const ISSUER = 'afritok-relay';

export interface TokenClaims {
  userId: string;
  /** Unique id of this token, the unit of revocation. */
  jti: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
  /** The user's token generation when signed; "sign out everywhere" raises it past this. */
  generation: number;
}

/** Signs and verifies the relay's HS256 session tokens. */
export class TokenSigner {
  private readonly key: Uint8Array;

  constructor(secret: string, private readonly clock: Clock) {
    this.key = new TextEncoder().encode(secret);
  }

  async sign(userId: string, generation = 0): Promise<{ token: string; claims: TokenClaims }> {
    const now = Math.floor(this.clock().getTime() / 1000);
    const claims: TokenClaims = { userId, jti: randomUUID(), exp: now + TOKEN_TTL_SECONDS, generation };
    const token = await new SignJWT({ gen: generation })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(userId)
      .setJti(claims.jti)
      .setIssuer(ISSUER)
      .setIssuedAt(now)
      .setExpirationTime(claims.exp)
      .sign(this.key);
    return { token, claims };
  }

  /** The claims of a valid token, or null for anything forged, expired or malformed. */
  async verify(token: string): Promise<TokenClaims | null> {
    if (token.length > 4096) return null;
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        currentDate: this.clock(),
      });
      if (typeof payload.sub !== 'string' || typeof payload.jti !== 'string' || typeof payload.exp !== 'number') return null;
      // Tokens signed before generations existed carry none: generation 0, the starting one.
      const generation = payload.gen === undefined ? 0 : payload.gen;
      if (typeof generation !== 'number' || !Number.isSafeInteger(generation)) return null;
      return { userId: payload.sub, jti: payload.jti, exp: payload.exp, generation };
    } catch {
      return null;
    }
  }
}
