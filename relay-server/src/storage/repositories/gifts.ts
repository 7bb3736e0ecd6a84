import { and, asc, count, desc, eq, sum } from 'drizzle-orm';
import type { GiftRepo } from '../types.js';
import type { Dialect } from '../dialect.js';
import { uniqueAs } from '../shared/errors.js';
import { giftFromRow, giftToRow, toDateOrNull } from '../shared/rows.js';

export function giftsRepo(d: Dialect): GiftRepo {
  const { db } = d;
  const { gifts, users, sessions } = d.t;
  const totals = {
    gifts: count().mapWith(Number),
    coins: sum(gifts.coins).mapWith(Number),
    diamonds: sum(gifts.diamonds).mapWith(Number),
  };
  return {
    async insert(gift) {
      await uniqueAs('client_gift_id', () => db.insert(gifts).values(giftToRow(gift)));
    },
    async findByClientId(senderId, clientGiftId) {
      const [row] = await db.select().from(gifts).where(and(eq(gifts.senderId, senderId), eq(gifts.clientGiftId, clientGiftId)));
      return row ? giftFromRow(row) : null;
    },
    async topGifters(sessionId, limit) {
      const coins = sum(gifts.coins).mapWith(Number);
      return db
        .select({ userId: gifts.senderId, displayName: users.displayName, coins })
        .from(gifts)
        .innerJoin(users, eq(users.id, gifts.senderId))
        .where(eq(gifts.sessionId, sessionId))
        .groupBy(gifts.senderId, users.displayName)
        .orderBy(desc(coins), asc(gifts.senderId))
        .limit(limit);
    },
    async earningsByLive(creatorId, limit) {
      const rows = await db
        .select({ sessionId: gifts.sessionId, title: sessions.title, startedAt: sessions.startedAt, ...totals })
        .from(gifts)
        .innerJoin(sessions, eq(sessions.id, gifts.sessionId))
        .where(eq(gifts.creatorId, creatorId))
        .groupBy(gifts.sessionId, sessions.title, sessions.startedAt)
        .orderBy(desc(sessions.startedAt), asc(gifts.sessionId))
        .limit(limit);
      return rows.map((r) => ({ ...r, startedAt: toDateOrNull(r.startedAt) }));
    },
    async liveTotals(sessionId) {
      const [row] = await db.select(totals).from(gifts).where(eq(gifts.sessionId, sessionId));
      return { sessionId, gifts: row?.gifts ?? 0, coins: row?.coins ?? 0, diamonds: row?.diamonds ?? 0 };
    },
  };
}
