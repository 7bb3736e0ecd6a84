import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError, fail } from '../core/errors.js';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Checks the operator token of a request: 404 when the relay has none configured (the routes do not
 * exist for it), 401 when it is missing or wrong. Compared in constant time (hashes of equal length).
 */
export function requireOperator(configured: string | undefined, presented: string | string[] | undefined): void {
  if (!configured) throw new AppError('not_found', 'This relay has no operator access (OPERATOR_TOKEN is not set)');
  const given = Array.isArray(presented) ? presented[0] : presented;
  if (!given || !timingSafeEqual(digest(given), digest(configured))) throw fail.unauthorized('A valid operator token is required (x-operator-token)');
}
