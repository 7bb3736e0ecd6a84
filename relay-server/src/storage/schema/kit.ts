/**
 * The column kit every table is declared with, once for both dialects. Each dialect supplies one
 * (mysql/kit.ts, sqlite/kit.ts) that builds its own columns; the types are SQLite's builder types
 * for both, which infer the same row types (number, string, boolean, string unions) that the MySQL
 * builders would. The MySQL kit's casts to these types are the only place the two meet.
 */
import type { HasDefault, IsPrimaryKey, NotNull } from 'drizzle-orm';
import type {
  SQLiteBooleanBuilderInitial,
  SQLiteIntegerBuilderInitial,
  SQLiteTableFn,
  SQLiteTextBuilderInitial,
  index,
  primaryKey,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

type Text<N extends string> = SQLiteTextBuilderInitial<N, [string, ...string[]], undefined>;
type EnumValues = readonly [string, ...string[]];
type Writable<T> = { -readonly [P in keyof T]: T[P] };

export interface ColumnKit {
  table: SQLiteTableFn;
  index: typeof index;
  uniqueIndex: typeof uniqueIndex;
  primaryKey: typeof primaryKey;
  /** Ids the relay makes (UUIDs, hashes): varchar(64) on MySQL, text on SQLite. */
  id<N extends string>(name: N): Text<N>;
  /** Text with a length cap on MySQL (an index needs one): varchar(max); text on SQLite. */
  varchar<N extends string>(name: N, max: number): Text<N>;
  /** Unbounded text up to 64 KiB: text in both. */
  text<N extends string>(name: N): Text<N>;
  /** Text past 64 KiB (JSON lists): mediumtext on MySQL, text on SQLite. */
  longText<N extends string>(name: N): Text<N>;
  /** One of `values`: varchar(16) on MySQL, text on SQLite; typed as the union. */
  enum<N extends string, const T extends EnumValues>(name: N, values: T): SQLiteTextBuilderInitial<N, Writable<T>, undefined>;
  /** Integer milliseconds since the epoch, exact in both: bigint on MySQL, integer on SQLite. */
  ms<N extends string>(name: N): SQLiteIntegerBuilderInitial<N>;
  int<N extends string>(name: N): SQLiteIntegerBuilderInitial<N>;
  /** Signed whole amounts that may pass 2^31 (coins in the ledger): bigint on MySQL, integer on SQLite. */
  amount<N extends string>(name: N): SQLiteIntegerBuilderInitial<N>;
  bool<N extends string>(name: N): SQLiteBooleanBuilderInitial<N>;
  /** Auto-increment primary key that is never reused: the one insertion order of a table. */
  serial<N extends string>(name: N): IsPrimaryKey<HasDefault<NotNull<SQLiteIntegerBuilderInitial<N>>>>;
}
