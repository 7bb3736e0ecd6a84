import { and, asc, count, desc, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import type { NotificationRepo, ScheduledLiveRepo } from '../types.js';
import type { Dialect } from '../dialect.js';
import { isUniqueViolation } from '../shared/errors.js';
import { notificationFromRow, notificationToRow, scheduledLiveFromRow, scheduledLiveToRow, toMs } from '../shared/rows.js';

export function notificationsRepo(d: Dialect): NotificationRepo {
  const { db } = d;
  const { notifications } = d.t;
  const mine = (userId: string) => eq(notifications.userId, userId);

  return {
    async insertMany(records) {
      if (records.length === 0) return;
      const rows = records.map(notificationToRow);
      try {
        await db.insert(notifications).values(rows);
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        // A re-run of a batch: write the rows one by one, keeping those already there.
        for (const row of rows) {
          try {
            await db.insert(notifications).values(row);
          } catch (rowErr) {
            if (!isUniqueViolation(rowErr)) throw rowErr;
          }
        }
      }
    },
    async listForUser(userId, limit) {
      const rows = await db.select().from(notifications).where(mine(userId)).orderBy(desc(notifications.seq)).limit(limit);
      return rows.map(({ seq: _seq, ...row }) => notificationFromRow(row));
    },
    async unreadCount(userId) {
      const [row] = await db.select({ n: count() }).from(notifications).where(and(mine(userId), isNull(notifications.readAt)));
      return Number(row?.n ?? 0);
    },
    async markRead(userId, ids, at) {
      if (ids !== null && ids.length === 0) return 0;
      const which = ids === null ? undefined : inArray(notifications.id, ids);
      return d.update(notifications, { readAt: toMs(at) }, and(mine(userId), isNull(notifications.readAt), which));
    },
    async countRecipients(id) {
      const [row] = await db.select({ n: count() }).from(notifications).where(eq(notifications.id, id));
      return Number(row?.n ?? 0);
    },
  };
}

export function scheduledLivesRepo(d: Dialect): ScheduledLiveRepo {
  const { db } = d;
  const { scheduledLives: s } = d.t;
  const notReminded = isNull(s.remindedAt);

  return {
    async insert(record) {
      await db.insert(s).values(scheduledLiveToRow(record));
    },
    async find(id) {
      const [row] = await db.select().from(s).where(eq(s.id, id)).limit(1);
      return row ? scheduledLiveFromRow(row) : null;
    },
    async upcomingOf(creatorId, limit) {
      const rows = await db.select().from(s).where(and(eq(s.creatorId, creatorId), notReminded)).orderBy(asc(s.startsAt)).limit(limit);
      return rows.map(scheduledLiveFromRow);
    },
    async upcoming(from, limit) {
      const rows = await db.select().from(s).where(and(gte(s.startsAt, toMs(from)), notReminded)).orderBy(asc(s.startsAt)).limit(limit);
      return rows.map(scheduledLiveFromRow);
    },
    async due(at, limit) {
      const rows = await db.select().from(s).where(and(lte(s.startsAt, toMs(at)), notReminded)).orderBy(asc(s.startsAt)).limit(limit);
      return rows.map(scheduledLiveFromRow);
    },
    async claimReminder(id, at, sessionId) {
      // One UPDATE guarded by "not reminded yet": of two nodes racing, exactly one changes the row.
      return (await d.update(s, { remindedAt: toMs(at), sessionId }, and(eq(s.id, id), notReminded))) === 1;
    },
    async remove(id, creatorId) {
      return (await d.delete(s, and(eq(s.id, id), eq(s.creatorId, creatorId)))) === 1;
    },
  };
}
