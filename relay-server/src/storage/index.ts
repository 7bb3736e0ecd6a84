/**
 * Opens the relay's storage: runs pending migrations, then returns the repositories.
 * `createStorage({ kind: 'sqlite', url: 'file:/path/db.sqlite' })` or
 * `createStorage({ kind: 'mysql', url: 'mysql://user:pass@host:3306/db' })`.
 */
import { fileURLToPath } from 'node:url';
import type { Storage } from './types.js';
import { openSqliteStorage } from './sqlite/open.js';
import { openMysqlStorage } from './mysql/open.js';

export type DatabaseConfig = { kind: 'mysql'; url: string } | { kind: 'sqlite'; url: string };

export interface StorageOptions {
  /** Where drizzle-kit's migrations live; defaults to relay-server/drizzle/<dialect>. */
  migrationsFolder?: string;
}

const defaultMigrations = (dialect: 'mysql' | 'sqlite') =>
  fileURLToPath(new URL(`../../drizzle/${dialect}`, import.meta.url));

export async function createStorage(database: DatabaseConfig, options: StorageOptions = {}): Promise<Storage> {
  const migrationsFolder = options.migrationsFolder ?? defaultMigrations(database.kind);
  // config.ts already rewrites sqlite: to file:, but callers building a config by hand may not.
  return database.kind === 'mysql'
    ? openMysqlStorage(database.url, migrationsFolder)
    : openSqliteStorage(database.url.replace(/^sqlite:/, 'file:'), migrationsFolder);
}

export type { Storage, Repositories } from './types.js';
export { DuplicateKeyError } from './types.js';
export { StorageError } from './shared/errors.js';
