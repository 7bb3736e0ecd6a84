import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { NotificationRepo } from '../types.js';
import type { Dialect } from '../dialect.js';
import { isUniqueViolation } from '../shared/errors.js';
import { notificationFromRow, notificationToRow, toMs } from '../shared/rows.js';

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
