import { and, asc, count, eq } from 'drizzle-orm';
import type { DestinationRepo } from '../types.js';
import type { Dialect } from '../dialect.js';
import { destinationFromRow, destinationToRow } from '../shared/rows.js';

export function destinationsRepo(d: Dialect): DestinationRepo {
  const { db } = d;
  const { destinations } = d.t;
  const owned = (id: string, userId: string) => and(eq(destinations.id, id), eq(destinations.userId, userId));
  const findOwned = async (id: string, userId: string) => {
    const [row] = await db.select().from(destinations).where(owned(id, userId));
    return row ? destinationFromRow(row) : null;
  };
  return {
    async create(destination) {
      await db.insert(destinations).values(destinationToRow(destination));
      return destination;
    },
    async listByUser(userId) {
      const rows = await db.select().from(destinations).where(eq(destinations.userId, userId)).orderBy(asc(destinations.createdAt), asc(destinations.id));
      return rows.map(destinationFromRow);
    },
    async countByUser(userId) {
      const [row] = await db.select({ n: count() }).from(destinations).where(eq(destinations.userId, userId));
      return Number(row?.n ?? 0);
    },
    findOwned,
    async update(id, userId, changes) {
      const { updatedAt, ...rest } = changes;
      // Read back rather than trust affected rows (MySQL counts only changed rows without FOUND_ROWS).
      await d.update(destinations, { ...rest, updatedAt: updatedAt.getTime() }, owned(id, userId));
      return findOwned(id, userId);
    },
    async remove(id, userId) {
      return (await d.delete(destinations, owned(id, userId))) > 0;
    },
  };
}
