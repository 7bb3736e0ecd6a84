/**
 * Driver errors reduced to what the repositories act on. Drizzle wraps driver errors in
 * DrizzleQueryError, so the cause chain is walked rather than the top error read.
 */
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { DuplicateKeyError } from '../types.js';

const UNIQUE_CODES = new Set(['ER_DUP_ENTRY', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

const RETRYABLE_CODES = new Set(['ER_LOCK_DEADLOCK']);

function errorCode(err: unknown): unknown {
  return typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined;
}

function errorCause(err: unknown): unknown {
  return err instanceof Error ? err.cause : undefined;
}

function hasCode(err: unknown, codes: Set<string>): boolean {
  for (let e: unknown = err, depth = 0; e !== undefined && depth < 5; e = errorCause(e), depth += 1) {
    const code = errorCode(e);
    if (typeof code === 'string' && codes.has(code)) return true;
  }
  return false;
}

/** True when `err` (or something it wraps) is a unique or primary key violation, in either dialect. */
export const isUniqueViolation = (err: unknown): boolean => hasCode(err, UNIQUE_CODES);

/** True when the database rolled the whole transaction back to break a deadlock: running it again is safe. */
export const isDeadlockVictim = (err: unknown): boolean => hasCode(err, RETRYABLE_CODES);

/** Runs `write`; a unique-key violation becomes DuplicateKeyError(key), anything else propagates. */
export async function uniqueAs<T>(key: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw new DuplicateKeyError(key);
    throw err;
  }
}

/**
 * A genuine database failure (connection lost, disk full, …). Its message names only the driver's
 * error code: drizzle's own error message carries the query parameters (password hashes, chat
 * text), which must not travel into logs or replies. The driver error stays reachable as `cause`.
 */
export class StorageError extends Error {
  constructor(
    readonly code: string,
    cause: unknown,
  ) {
    super(`database error (${code})`, { cause });
    this.name = 'StorageError';
  }
}

function isDriverError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  return err.name === 'LibsqlError' || err.name === 'SqliteError' || 'sqlState' in err || 'errno' in err;
}

/** Driver and drizzle errors become StorageError; the caller's own errors pass through unchanged. */
export function toStorageError(err: unknown): unknown {
  if (err instanceof StorageError || err instanceof DuplicateKeyError) return err;
  const driver = err instanceof DrizzleQueryError ? err.cause : isDriverError(err) ? err : undefined;
  if (driver === undefined && !(err instanceof DrizzleQueryError)) return err;
  const code = errorCode(driver);
  return new StorageError(typeof code === 'string' ? code : 'unknown', driver ?? err);
}

/** Runs `call`, reporting database failures as StorageError. */
export async function reportingStorageErrors<R>(call: () => Promise<R>): Promise<R> {
  try {
    return await call();
  } catch (err) {
    throw toStorageError(err);
  }
}
