import { eq, lt } from 'drizzle-orm';
import type { RevokedTokenRepo } from '../types.js';
import type { Dialect } from '../dialect.js';

export function revokedTokensRepo(d: Dialect): RevokedTokenRepo {
  const { db } = d;
  const { revokedTokens } = d.t;
  return {
    async revoke(jti, expiresAt) {
      const row = { jti, expiresAt: expiresAt.getTime() };
      await d.upsert(revokedTokens, row, [revokedTokens.jti], { expiresAt: row.expiresAt });
    },
    async isRevoked(jti) {
      const [row] = await db.select({ jti: revokedTokens.jti }).from(revokedTokens).where(eq(revokedTokens.jti, jti));
      return row !== undefined;
    },
    async pruneExpired(now) {
      return d.delete(revokedTokens, lt(revokedTokens.expiresAt, now.getTime()));
    },
  };
}
