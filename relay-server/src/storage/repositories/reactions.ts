import { eq, sql, sum } from 'drizzle-orm';
import type { ReactionRepo } from '../types.js';
import type { Dialect } from '../dialect.js';
import { toMs } from '../shared/rows.js';

/** One counter per (session, emoji): the reads the relay needs are totals, never who reacted. */
export function reactionsRepo(d: Dialect): ReactionRepo {
  const { db } = d;
  const { reactionCounts } = d.t;
  return {
    async add(sessionId, emoji, _userId, at) {
      await d.upsert(
        reactionCounts,
        { sessionId, emoji, count: 1, lastAt: toMs(at) },
        [reactionCounts.sessionId, reactionCounts.emoji],
        { count: sql`${reactionCounts.count} + 1`, lastAt: toMs(at) },
      );
    },
    async counts(sessionId) {
      const rows = await db
        .select({ emoji: reactionCounts.emoji, count: reactionCounts.count })
        .from(reactionCounts)
        .where(eq(reactionCounts.sessionId, sessionId));
      return Object.fromEntries(rows.map((r) => [r.emoji, r.count]));
    },
    async total(sessionId) {
      const [row] = await db
        .select({ n: sum(reactionCounts.count).mapWith(Number) })
        .from(reactionCounts)
        .where(eq(reactionCounts.sessionId, sessionId));
      return row?.n ?? 0;
    },
  };
}
