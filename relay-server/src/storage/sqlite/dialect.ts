import type { ResultSet } from '@libsql/client';
import { getTableName, sql } from 'drizzle-orm';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type { Dialect } from '../dialect.js';
import { sqliteSchema } from './schema.js';

/** The libsql database or an open transaction. */
export type SqliteDb = BaseSQLiteDatabase<'async', ResultSet>;

export function sqliteDialect(db: SqliteDb): Dialect {
  return {
    name: 'sqlite',
    db,
    t: sqliteSchema,
    async upsert(table, values, key, set) {
      await db.insert(table).values(values).onConflictDoUpdate({ target: key, set });
    },
    async updateThenRead(table, set, where) {
      const [row] = await db.update(table).set(set).where(where).returning();
      return row;
    },
    async update(table, set, where) {
      return (await db.update(table).set(set).where(where)).rowsAffected;
    },
    async delete(table, where) {
      return (await db.delete(table).where(where)).rowsAffected;
    },
    async insertSerial(table, values) {
      const { lastInsertRowid } = await db.insert(table).values(values);
      if (lastInsertRowid === undefined) throw new Error(`insert into ${getTableName(table)} returned no row id`);
      return Number(lastInsertRowid);
    },
    greatest: (column, value) => sql`max(${column}, ${value})`,
    forUpdate: (query) => query,
  };
}
