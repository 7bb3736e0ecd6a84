/**
 * Driver errors reduced to what the repositories act on. Drizzle wraps driver errors in
 * DrizzleQueryError, so the cause chain is walked rather than the top error read.
 */
import { DuplicateKeyError } from '../types.js';

const UNIQUE_CODES = new Set(['ER_DUP_ENTRY', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

function errorCode(err: unknown): unknown {
  return typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined;
}

function errorCause(err: unknown): unknown {
  return err instanceof Error ? err.cause : undefined;
}

/** True when `err` (or something it wraps) is a unique or primary key violation, in either dialect. */
export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e !== undefined && depth < 5; e = errorCause(e), depth += 1) {
    const code = errorCode(e);
    if (typeof code === 'string' && UNIQUE_CODES.has(code)) return true;
  }
  return false;
}

/** Runs `write`; a unique-key violation becomes DuplicateKeyError(key), anything else propagates. */
export async function uniqueAs<T>(key: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw new DuplicateKeyError(key);
    throw err;
  }
}
