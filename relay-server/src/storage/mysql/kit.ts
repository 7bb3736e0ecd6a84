import { bigint, boolean, index, int, mediumtext, mysqlTable, primaryKey, text, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import type { ColumnKit } from '../schema/kit.js';

/**
 * MySQL's columns. They are typed as the kit's (SQLite) builders: each infers the same row type,
 * and the drizzle objects built from them are MySQL ones at run time. These casts are the only
 * point where MySQL objects carry SQLite types; mysql/dialect.ts is the other side of it.
 */
type Kit = ColumnKit;
const as = <T>(builder: unknown): T => builder as T;

export const mysqlKit: ColumnKit = {
  table: as<Kit['table']>(mysqlTable),
  index: as<Kit['index']>(index),
  uniqueIndex: as<Kit['uniqueIndex']>(uniqueIndex),
  primaryKey: as<Kit['primaryKey']>(primaryKey),
  id: (name) => as(varchar(name, { length: 64 })),
  varchar: (name, max) => as(varchar(name, { length: max })),
  text: (name) => as(text(name)),
  longText: (name) => as(mediumtext(name)),
  enum: (name, values) => as(varchar(name, { length: 16, enum: values })),
  ms: (name) => as(bigint(name, { mode: 'number' })),
  int: (name) => as(int(name)),
  amount: (name) => as(bigint(name, { mode: 'number' })),
  bool: (name) => as(boolean(name)),
  serial: (name) => as(bigint(name, { mode: 'number' }).autoincrement().primaryKey()),
};
