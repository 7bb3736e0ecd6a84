import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { ColumnKit } from '../schema/kit.js';

/** SQLite's columns: text for every string, integer for numbers, times and booleans. */
export const sqliteKit: ColumnKit = {
  table: sqliteTable,
  index,
  uniqueIndex,
  primaryKey,
  id: (name) => text(name),
  varchar: (name) => text(name),
  text: (name) => text(name),
  longText: (name) => text(name),
  enum: (name, values) => text(name, { enum: values }),
  ms: (name) => integer(name),
  int: (name) => integer(name),
  amount: (name) => integer(name),
  bool: (name) => integer(name, { mode: 'boolean' }),
  serial: (name) => integer(name).primaryKey({ autoIncrement: true }),
};
