import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { UserRepo } from '../types.js';
import type { Dialect } from '../dialect.js';
import { inChunks } from '../shared/chunks.js';
import { uniqueAs } from '../shared/errors.js';
import { prefixBounds, userFromRow, userToRow } from '../shared/rows.js';

export function usersRepo(d: Dialect): UserRepo {
  const { db } = d;
  const { users } = d.t;
  return {
    async create(user) {
      await uniqueAs('username', () => db.insert(users).values(userToRow(user)));
      return user;
    },
    async addMany(records) {
      await inChunks(records.map(userToRow), (chunk) => uniqueAs('username', () => db.insert(users).values(chunk)));
    },
    async findById(id) {
      const [row] = await db.select().from(users).where(eq(users.id, id));
      return row ? userFromRow(row) : null;
    },
    async findByUsername(username) {
      const [row] = await db.select().from(users).where(eq(users.username, username));
      return row ? userFromRow(row) : null;
    },
    async searchAccounts(prefix, limit) {
      const { low, high, length } = prefixBounds(prefix);
      const rows = await db
        .select()
        .from(users)
        .where(
          and(
            eq(users.kind, 'account'),
            gte(users.username, low),
            lt(users.username, high),
            eq(sql`substr(${users.username}, 1, ${length})`, prefix),
          ),
        )
        .orderBy(asc(users.username))
        .limit(limit);
      return rows.map(userFromRow);
    },
    async findManyByIds(ids) {
      if (ids.length === 0) return [];
      const rows = await db.select().from(users).where(inArray(users.id, ids));
      return rows.map(userFromRow);
    },
    async raiseTokenGeneration(id) {
      const row = await d.updateThenRead(users, { tokenGeneration: sql`${users.tokenGeneration} + 1` }, eq(users.id, id), eq(users.id, id));
      return row ? row.tokenGeneration : null;
    },
    async setDisplayName(id, displayName) {
      return (await d.update(users, { displayName }, eq(users.id, id))) > 0;
    },
  };
}
