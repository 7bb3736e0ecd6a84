import { and, asc, count, countDistinct, desc, eq, gt, gte, inArray, lt, max, sql, sum } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { AnalyticsBucketRecord, AnalyticsRepo, ViewerSighting } from '../types.js';
import type { Dialect } from '../dialect.js';
import { uniqueAs } from '../shared/errors.js';
import { toDate, toMs } from '../shared/rows.js';

/** Rows per IN list or multi-row insert: far below both databases' placeholder limits. */
const CHUNK = 500;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

type BucketRow = Omit<AnalyticsBucketRecord, 'index' | 'startedAt'> & { bucketIndex: number; startedAt: number };

const bucketFromRow = ({ bucketIndex, startedAt, ...row }: BucketRow): AnalyticsBucketRecord => ({ ...row, index: bucketIndex, startedAt: toDate(startedAt) });

/** Reads over the live's own tables (messages, participants, gifts, follows) and the analytics tables. */
export function analyticsRepo(d: Dialect): AnalyticsRepo {
  const { db } = d;
  const { analyticsBuckets: b, analyticsViewers: v, messages, participants, gifts, follows } = d.t;

  async function eventsBetween(sessionId: string, creatorId: string, from: Date, to: Date) {
    const [f, t] = [toMs(from), toMs(to)];
    const [chat, chatters, joined, giftRow, followRow] = await Promise.all([
      db
        .select({ n: count() })
        .from(messages)
        .where(and(eq(messages.sessionId, sessionId), eq(messages.type, 'text'), gte(messages.createdAt, f), lt(messages.createdAt, t))),
      db
        .selectDistinct({ userId: messages.userId })
        .from(messages)
        .where(and(eq(messages.sessionId, sessionId), eq(messages.type, 'text'), gte(messages.createdAt, f), lt(messages.createdAt, t))),
      db
        .select({ userId: participants.userId })
        .from(participants)
        .where(
          and(
            eq(participants.sessionId, sessionId),
            inArray(participants.role, ['viewer', 'moderator']),
            gte(participants.joinedAt, f),
            lt(participants.joinedAt, t),
          ),
        ),
      db
        .select({ n: count(), coins: sum(gifts.coins).mapWith(Number) })
        .from(gifts)
        .where(and(eq(gifts.sessionId, sessionId), gte(gifts.createdAt, f), lt(gifts.createdAt, t))),
      db
        .select({ n: count() })
        .from(follows)
        .where(and(eq(follows.creatorId, creatorId), gte(follows.createdAt, f), lt(follows.createdAt, t))),
    ]);
    return {
      chatMessages: Number(chat[0]?.n ?? 0),
      chatterIds: chatters.map((r) => r.userId),
      joinedIds: joined.map((r) => r.userId),
      gifts: Number(giftRow[0]?.n ?? 0),
      coins: giftRow[0]?.coins ?? 0,
      follows: Number(followRow[0]?.n ?? 0),
    };
  }

  /** Adds `watchedMs` (and the chat flag) to the rows of `ids` that exist; returns the ids that had none. */
  async function creditExisting(sessionId: string, ids: string[], watchedMs: number, chatted: boolean, at: number): Promise<string[]> {
    const existing = new Set(
      (await db.select({ userId: v.userId }).from(v).where(and(eq(v.sessionId, sessionId), inArray(v.userId, ids)))).map((r) => r.userId),
    );
    const found = ids.filter((id) => existing.has(id));
    if (found.length > 0) {
      await d.update(
        v,
        { watchedMs: sql`${v.watchedMs} + ${watchedMs}`, lastSeenAt: at, ...(chatted ? { chatted: true } : {}) },
        and(eq(v.sessionId, sessionId), inArray(v.userId, found)),
      );
    }
    return ids.filter((id) => !existing.has(id));
  }

  async function creditViewers(sessionId: string, sightings: ViewerSighting[], at: Date) {
    const when = toMs(at);
    // One UPDATE per kind of sighting (same watch time and chat flag), one INSERT for the new viewers.
    const groups = new Map<string, { watchedMs: number; chatted: boolean; ids: string[] }>();
    for (const s of sightings) {
      const key = `${s.watchedMs}:${s.chatted}`;
      const group = groups.get(key) ?? { watchedMs: s.watchedMs, chatted: s.chatted, ids: [] };
      group.ids.push(s.userId);
      groups.set(key, group);
    }
    for (const group of groups.values()) {
      for (const ids of chunks(group.ids)) {
        const fresh = await creditExisting(sessionId, ids, group.watchedMs, group.chatted, when);
        if (fresh.length === 0) continue;
        await db.insert(v).values(
          fresh.map((userId) => ({ sessionId, userId, watchedMs: group.watchedMs, chatted: group.chatted, firstSeenAt: when, lastSeenAt: when })),
        );
      }
    }
  }

  return {
    eventsBetween,
    creditViewers,

    async lastBucket(sessionId) {
      const [row] = await db.select().from(b).where(eq(b.sessionId, sessionId)).orderBy(desc(b.bucketIndex)).limit(1);
      return row ? bucketFromRow(row) : null;
    },

    async insertBucket({ index, startedAt, ...rest }) {
      await uniqueAs('analytics_bucket', () => db.insert(b).values({ ...rest, bucketIndex: index, startedAt: toMs(startedAt) }));
    },

    async buckets(sessionId, afterIndex) {
      const rows = await db
        .select()
        .from(b)
        .where(and(eq(b.sessionId, sessionId), afterIndex === undefined ? undefined : gt(b.bucketIndex, afterIndex)))
        .orderBy(asc(b.bucketIndex));
      return rows.map(bucketFromRow);
    },

    async bucketSums(sessionIds) {
      if (sessionIds.length === 0) return [];
      const total = (column: SQLiteColumn) => sql<number>`coalesce(sum(${column}), 0)`.mapWith(Number);
      return db
        .select({
          sessionId: b.sessionId,
          buckets: count().mapWith(Number),
          durationMs: total(b.durationMs),
          peakViewers: max(b.viewers).mapWith(Number),
          viewerMs: sql<number>`coalesce(sum(${b.viewers} * ${b.durationMs}), 0)`.mapWith(Number),
          chatMessages: total(b.chatMessages),
          reactions: total(b.reactions),
          gifts: total(b.gifts),
          coins: total(b.coins),
          follows: total(b.follows),
        })
        .from(b)
        .where(inArray(b.sessionId, sessionIds))
        .groupBy(b.sessionId);
    },

    async viewerSums(sessionIds) {
      if (sessionIds.length === 0) return [];
      return db
        .select({
          sessionId: v.sessionId,
          uniqueViewers: countDistinct(v.userId).mapWith(Number),
          watchedMs: sql<number>`coalesce(sum(${v.watchedMs}), 0)`.mapWith(Number),
          chatters: sql<number>`coalesce(sum(case when ${v.chatted} then 1 else 0 end), 0)`.mapWith(Number),
        })
        .from(v)
        .where(inArray(v.sessionId, sessionIds))
        .groupBy(v.sessionId);
    },
  };
}
