import { sql } from 'drizzle-orm';
import type { MySqlDatabase, MySqlTable } from 'drizzle-orm/mysql-core';
import type { MySql2PreparedQueryHKT, MySql2QueryResultHKT } from 'drizzle-orm/mysql2';
import type { Db, Dialect } from '../dialect.js';
import { mysqlSchema } from './schema.js';

/** The mysql2 database or an open transaction. */
export type MysqlDb = MySqlDatabase<MySql2QueryResultHKT, MySql2PreparedQueryHKT>;

/**
 * The tables in mysqlSchema are MySQL tables typed as the kit's SQLite ones (see mysql/kit.ts);
 * here they go back to the MySQL builder they belong to. These casts stay in this file.
 */
const mysqlTable = (table: unknown) => table as MySqlTable;
type LockableSelect = { for(strength: 'update'): unknown };

export function mysqlDialect(db: MysqlDb): Dialect {
  const self: Dialect = {
    name: 'mysql',
    db: db as unknown as Db,
    t: mysqlSchema,
    async upsert(table, values, _key, set) {
      // ON DUPLICATE KEY UPDATE fires on any unique key of the row; the tables upserted have only their primary key.
      await db.insert(mysqlTable(table)).values(values).onDuplicateKeyUpdate({ set });
    },
    async updateThenRead(table, set, where, key) {
      if ((await self.update(table, set, where)) === 0) return undefined;
      const [row] = await self.db.select().from(table).where(key);
      return row as (typeof table)['$inferSelect'] | undefined;
    },
    async update(table, set, where) {
      // mysql2 sets CLIENT_FOUND_ROWS, so this counts rows matched, not only rows changed.
      const [header] = await db.update(mysqlTable(table)).set(set).where(where);
      return header.affectedRows;
    },
    async delete(table, where) {
      const [header] = await db.delete(mysqlTable(table)).where(where);
      return header.affectedRows;
    },
    async insertSerial(table, values) {
      const [header] = await db.insert(mysqlTable(table)).values(values);
      return header.insertId;
    },
    greatest: (column, value) => sql`greatest(${column}, ${value})`,
    forUpdate: <Q>(query: Q) => (query as unknown as LockableSelect).for('update') as Q,
  };
  return self;
}
