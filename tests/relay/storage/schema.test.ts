/**
 * Each table is declared once (storage/schema/) and built per dialect. drizzle-kit sees only the
 * named exports of mysql/schema.ts and sqlite/schema.ts: a table missing there would be dropped by
 * the next generated migration, so both files must export every table, under its own name.
 */
import { getTableName, is } from 'drizzle-orm';
import { MySqlTable } from 'drizzle-orm/mysql-core';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as mysql from '../../../relay-server/src/storage/mysql/schema.js';
import * as sqlite from '../../../relay-server/src/storage/sqlite/schema.js';

const exported = (module: Record<string, unknown>) => Object.entries(module).filter(([name]) => !name.endsWith('Schema'));

describe('schema declared once for both dialects', () => {
  it('exports every table of the schema by name, for drizzle-kit', () => {
    for (const [module, schema] of [
      [mysql, mysql.mysqlSchema],
      [sqlite, sqlite.sqliteSchema],
    ] as const) {
      expect(Object.fromEntries(exported(module))).toEqual(schema);
    }
  });

  it("builds each dialect's own tables, with the same names in both", () => {
    for (const table of Object.values(mysql.mysqlSchema)) expect(is(table, MySqlTable)).toBe(true);
    for (const table of Object.values(sqlite.sqliteSchema)) expect(is(table, SQLiteTable)).toBe(true);
    const names = (schema: Record<string, Parameters<typeof getTableName>[0]>) => Object.values(schema).map(getTableName).sort();
    expect(names(mysql.mysqlSchema)).toEqual(names(sqlite.sqliteSchema));
  });
});
