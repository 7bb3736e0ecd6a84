import mysql from 'mysql2/promise';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/mysql2';
import { migrate } from 'drizzle-orm/mysql2/migrator';
import type { Storage } from '../types.js';
import { reportingStorageErrors } from '../shared/errors.js';
import { retryDeadlocks } from '../shared/retry.js';
import { type Around, wrapRepositories } from '../shared/wrap.js';
import { repositories } from '../repositories/index.js';
import { mysqlDialect } from './dialect.js';

const ER_BAD_DB_ERROR = 1049;

function isUnknownDatabase(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'errno' in err && err.errno === ER_BAD_DB_ERROR;
}

function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!name) throw new Error('The MySQL DATABASE_URL must name a database, e.g. mysql://user:pass@host:3306/afritok');
  return name;
}

/** Creates the URL's database when the server does not have it yet, so a fresh server just works. */
async function ensureDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  try {
    const probe = await mysql.createConnection({ uri: url });
    await probe.end();
    return;
  } catch (err) {
    if (!isUnknownDatabase(err)) throw err;
  }
  const serverUrl = new URL(url);
  serverUrl.pathname = '/';
  const server = await mysql.createConnection({ uri: serverUrl.toString() });
  try {
    const quoted = `\`${name.replaceAll('`', '``')}\``;
    await server.query(`CREATE DATABASE IF NOT EXISTS ${quoted} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  } finally {
    await server.end();
  }
}

/**
 * Runs `work` holding a server-wide named lock, so that relays starting together against one
 * fresh database do not both run the migrations. The lock lives on its own connection.
 */
async function withMigrationLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  const lockConnection = await mysql.createConnection({ uri: url });
  try {
    const lockName = `afritok_migrate_${databaseName(url)}`;
    await lockConnection.query('SELECT GET_LOCK(?, 120)', [lockName]);
    return await work();
  } finally {
    await lockConnection.end(); // ending the session releases the lock
  }
}

/** Opens a pool on a `mysql://` URL (creating the database if needed) and brings its schema up to date. */
export async function openMysqlStorage(url: string, migrationsFolder: string): Promise<Storage> {
  await ensureDatabase(url);
  const pool = mysql.createPool({ uri: url, connectionLimit: 10, charset: 'utf8mb4', connectTimeout: 5000 });
  try {
    // No `mode` key: drizzle 0.45's config detection rejects any object carrying one.
    const db = drizzle({ client: pool });
    await withMigrationLock(url, () => migrate(db, { migrationsFolder }));
    const guarded: Around = (call) => reportingStorageErrors(() => retryDeadlocks(call));
    let closing: Promise<void> | undefined;
    return {
      dialect: 'mysql',
      ...wrapRepositories(repositories(mysqlDialect(db)), guarded),
      transaction: (work) => guarded(() => db.transaction((tx) => work(repositories(mysqlDialect(tx))))),
      ping: () => guarded(async () => void (await db.execute(sql`select 1`))),
      close: () => (closing ??= pool.end()),
    };
  } catch (err) {
    await pool.end();
    throw err;
  }
}
