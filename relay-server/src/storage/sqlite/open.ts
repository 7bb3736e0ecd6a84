import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createClient } from '@libsql/client';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import type { Storage } from '../types.js';
import { reportingStorageErrors } from '../shared/errors.js';
import { Gate } from '../shared/gate.js';
import { type Around, wrapRepositories } from '../shared/wrap.js';
import { sqliteFilePath } from '../shared/sqlite-path.js';
import { repositories } from '../repositories/index.js';
import { sqliteDialect } from './dialect.js';

const BUSY_TIMEOUT_MS = 5000;

/** Opening runs the migrator, which reads then writes its journal: one opener per file at a time. */
const openingGates = new Map<string, Gate>();
function openingGate(file: string | null): Gate {
  if (file === null) return new Gate();
  const gate = openingGates.get(file) ?? new Gate();
  openingGates.set(file, gate);
  return gate;
}

/**
 * Opens (creating folder and file when missing) the SQLite database at a `file:` URL and brings its
 * schema up to date. One connection, shared through a gate: see shared/gate.ts for why.
 */
export async function openSqliteStorage(url: string, migrationsFolder: string): Promise<Storage> {
  const file = sqliteFilePath(url);
  if (file) await mkdir(path.dirname(file), { recursive: true });
  const client = createClient({ url, concurrency: 1, timeout: BUSY_TIMEOUT_MS });
  try {
    await client.execute('PRAGMA journal_mode=WAL');
    await client.execute(`PRAGMA busy_timeout=${BUSY_TIMEOUT_MS}`);
    await client.execute('PRAGMA foreign_keys=ON');
    // With WAL, NORMAL still survives a killed process (only an OS crash may lose the last commits)
    // and spares an fsync per commit, which otherwise caps chat at a few hundred messages a second.
    await client.execute('PRAGMA synchronous=NORMAL');
    const db = drizzle(client);
    await openingGate(file).run(() => migrate(db, { migrationsFolder }));
    const gate = new Gate();
    const guarded: Around = (call) => gate.run(() => reportingStorageErrors(call));
    let closing: Promise<void> | undefined;
    return {
      dialect: 'sqlite',
      ...wrapRepositories(repositories(sqliteDialect(db)), guarded),
      transaction: (work) => guarded(() => db.transaction((tx) => work(repositories(sqliteDialect(tx))))),
      ping: () => guarded(async () => void (await db.run(sql`select 1`))),
      close: () => (closing ??= gate.run(async () => client.close())),
    };
  } catch (err) {
    client.close();
    throw err;
  }
}
