import type { MySqlDatabase } from 'drizzle-orm/mysql-core';
import type { MySql2PreparedQueryHKT, MySql2QueryResultHKT } from 'drizzle-orm/mysql2';

/** The database or an open transaction: repositories run the same on both. */
export type MysqlDb = MySqlDatabase<MySql2QueryResultHKT, MySql2PreparedQueryHKT>;

/** Rows an UPDATE matched or a DELETE removed (mysql2 sets FOUND_ROWS, so matched, not changed). */
export const affectedRows = (result: [{ affectedRows: number }, unknown]): number => result[0].affectedRows;
