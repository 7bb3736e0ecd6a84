/**
 * What the repositories need from a dialect: its tables, a query builder, and the six operations
 * MySQL and SQLite spell differently. The repositories (repositories/) are written once against
 * this; mysql/dialect.ts and sqlite/dialect.ts implement it.
 *
 * `db` is typed as SQLite's query builder for both dialects: select/insert/update/delete, where,
 * orderBy and limit build the same way in both. Its result types are left `unknown` so no
 * repository reads a driver's result shape; what differs goes through the operations below, and
 * the lint rule in eslint.config.js keeps `returning`, `onConflictDoUpdate`, `$returningId` and
 * `.for()` out of the repositories.
 */
import type { SQL } from 'drizzle-orm';
import type { BaseSQLiteDatabase, SQLiteColumn, SQLiteInsertValue, SQLiteTable, SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core';
import type { Schema } from './schema/index.js';

/** The database or an open transaction. */
export type Db = BaseSQLiteDatabase<'async', unknown>;

export interface Dialect {
  readonly name: 'mysql' | 'sqlite';
  readonly db: Db;
  readonly t: Schema;
  /** INSERT `values`; when that clashes with the row's primary or unique `key`, UPDATE that row with `set`. */
  upsert<T extends SQLiteTable>(table: T, values: SQLiteInsertValue<T>, key: SQLiteColumn[], set: SQLiteUpdateSetSource<T>): Promise<void>;
  /**
   * UPDATE the rows `where` selects, then return the changed row as stored (SQLite: RETURNING;
   * MySQL: re-read by `key` in the same connection), or undefined when `where` matched nothing.
   * `key` selects the row by primary key, since `where` may no longer match after the update.
   */
  updateThenRead<T extends SQLiteTable>(table: T, set: SQLiteUpdateSetSource<T>, where: SQL | undefined, key: SQL | undefined): Promise<T['$inferSelect'] | undefined>;
  /** UPDATE; the number of rows `where` matched. */
  update<T extends SQLiteTable>(table: T, set: SQLiteUpdateSetSource<T>, where: SQL | undefined): Promise<number>;
  /** DELETE; the number of rows removed. */
  delete(table: SQLiteTable, where: SQL | undefined): Promise<number>;
  /** INSERT one row; the auto-increment key it was given. */
  insertSerial<T extends SQLiteTable>(table: T, values: SQLiteInsertValue<T>): Promise<number>;
  /** The larger of `column` and `value` (MySQL `greatest`, SQLite's two-argument `max`). */
  greatest(column: SQLiteColumn, value: number): SQL;
  /**
   * Makes a select a locking read where the dialect has one (MySQL `FOR UPDATE`: it sees the
   * latest committed row even inside a transaction whose snapshot predates it). SQLite runs one
   * writer at a time, so its reads are already current.
   */
  forUpdate<Q>(query: Q): Q;
}
