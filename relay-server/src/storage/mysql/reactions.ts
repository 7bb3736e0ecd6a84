import { eq, sql, sum } from 'drizzle-orm';
import type { ReactionRepo } from '../types.js';
import { toMs } from '../shared/rows.js';
import type { MysqlDb } from './db.js';
import { reactionCounts } from './schema/index.js';

/** One counter per (session, emoji): the reads the relay needs are totals, never who reacted. */
export function mysqlReactions(db: MysqlDb): ReactionRepo {
  return {
    async add(sessionId, emoji, _userId, at) {
      await db
        .insert(reactionCounts)
        .values({ sessionId, emoji, count: 1, lastAt: toMs(at) })
        .onDuplicateKeyUpdate({
          set: { count: sql`${reactionCounts.count} + 1`, lastAt: toMs(at) },
        });
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
