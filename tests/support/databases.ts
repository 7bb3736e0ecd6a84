/**
 * Real databases for relay tests: a temp SQLite file always, and a uniquely named MariaDB/MySQL
 * database on 127.0.0.1:3306 (root, no password; override with TEST_MYSQL_URL) when reachable.
 * In CI an unreachable MariaDB fails the run; locally the MySQL variants are skipped with a warning.
 * TEST_DIALECTS=sqlite (or mysql) limits the dialects a local run uses.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe } from 'vitest';
import { createStorage, type DatabaseConfig } from '../../relay-server/src/storage/index.js';
import type { Storage } from '../../relay-server/src/storage/types.js';

export type Dialect = 'sqlite' | 'mysql';

/** The server the MySQL test databases are created on (no database in the path). */
export const mysqlServerUrl = (process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/+$/, '');

async function mysqlReachable(): Promise<string | null> {
  try {
    const connection = await mysql.createConnection({ uri: mysqlServerUrl, connectTimeout: 3000 });
    await connection.end();
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

async function resolveDialects(): Promise<Dialect[]> {
  const wanted = process.env.TEST_DIALECTS?.split(',').map((s) => s.trim()) ?? ['sqlite', 'mysql'];
  const dialects: Dialect[] = wanted.includes('sqlite') ? ['sqlite'] : [];
  if (!wanted.includes('mysql')) return dialects;
  const problem = await mysqlReachable();
  if (problem === null) return [...dialects, 'mysql'];
  if (process.env.CI) {
    throw new Error(`MariaDB at ${mysqlServerUrl} is unreachable (${problem}); database tests are mandatory in CI.`);
  }
  console.warn(
    `\n!!! MariaDB at ${mysqlServerUrl} is unreachable (${problem}).\n!!! SKIPPING every MySQL variant of the relay tests; only SQLite runs.\n`,
  );
  return dialects;
}

/** The dialects available to this run: always 'sqlite', plus 'mysql' when MariaDB answers. */
export const testDialects: Dialect[] = await resolveDialects();

export interface ReservedDatabase {
  /** Pass to createStorage, or put in the relay's config as `database`. */
  database: DatabaseConfig;
  /** Removes the database (file or MySQL schema). Close every Storage on it first. */
  drop(): Promise<void>;
}

export interface TestDatabase extends ReservedDatabase {
  /** Opened (and migrated) on `database`; closed by drop(). */
  storage: Storage;
}

async function dropMysqlDatabase(name: string): Promise<void> {
  const server = await mysql.createConnection({ uri: mysqlServerUrl });
  try {
    await server.query(`DROP DATABASE IF EXISTS \`${name}\``);
  } finally {
    await server.end();
  }
}

/**
 * A fresh, empty database name/location without opening it: for suites that start a whole relay,
 * which opens its own storage (and creates the MySQL database) from `database`.
 */
export async function reserveTestDatabase(dialect: Dialect): Promise<ReservedDatabase> {
  if (dialect === 'sqlite') {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'afritok-test-'));
    return {
      database: { kind: 'sqlite', url: `file:${path.join(dir, 'relay.db')}` },
      drop: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const name = `afritok_t_${randomBytes(6).toString('hex')}`;
  return { database: { kind: 'mysql', url: `${mysqlServerUrl}/${name}` }, drop: () => dropMysqlDatabase(name) };
}

/** A fresh database with an open, migrated Storage on it. `drop()` closes the storage and removes it. */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  const reserved = await reserveTestDatabase(dialect);
  const storage = await createStorage(reserved.database);
  return {
    database: reserved.database,
    storage,
    async drop() {
      await storage.close().catch(() => undefined); // already closed by the test is fine
      await reserved.drop();
    },
  };
}

export interface DatabaseUnderTest {
  dialect: Dialect;
  /** The storage opened for this describe block (valid inside tests and hooks). */
  storage(): Storage;
  /** Where that database is, e.g. to open a second Storage on it. */
  database(): DatabaseConfig;
}

/**
 * `describe.each` over the available dialects: each gets its own fresh database, created in
 * beforeAll and dropped in afterAll, reachable through the getters passed to `fn`.
 */
export function describeEachDatabase(name: string, fn: (db: DatabaseUnderTest) => void): void {
  describe.each(testDialects)(`${name} [%s]`, (dialect) => {
    let current: TestDatabase | undefined;
    const opened = (): TestDatabase => {
      if (!current) throw new Error('the test database is opened in beforeAll: use it inside tests and hooks');
      return current;
    };
    beforeAll(async () => {
      current = await createTestDatabase(dialect);
    });
    afterAll(async () => {
      await current?.drop();
      current = undefined;
    });
    fn({ dialect, storage: () => opened().storage, database: () => opened().database });
  });
}
