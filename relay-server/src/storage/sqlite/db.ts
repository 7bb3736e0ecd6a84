import type { ResultSet } from '@libsql/client';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';

/** The database or an open transaction: repositories run the same on both. */
export type SqliteDb = BaseSQLiteDatabase<'async', ResultSet>;
