import { z } from 'zod';
import type { ApiError, ErrorCode } from '../../../protocol/common.js';
import { RelayError } from '../api/client.js';
import { getLang, t, type StringKey } from '../i18n/index.js';

/**
 * Relay errors in the reader's language. The relay's `message` is English for developers; what a
 * user reads is chosen from the error's `code` (and its `details`), never shown raw.
 */

const TEXT_BY_CODE: Partial<Record<ErrorCode, StringKey>> = {
  muted: 'error.muted',
  banned: 'error.banned',
  blocked_term: 'error.blockedTerm',
  rate_limited: 'error.rateLimited',
  payload_too_large: 'error.tooLong',
  invalid_input: 'error.invalidInput',
  unauthorized: 'error.unauthorized',
  forbidden: 'error.forbidden',
  not_host: 'error.forbidden',
  not_found: 'error.notFound',
  invalid_transition: 'error.ended',
  expired: 'error.ended',
  session_full: 'error.full',
  unavailable: 'error.unavailable',
  unsupported_codec: 'error.unsupportedCodec',
};

/** Refusals that sending the same message again cannot overturn: no "Retry" for them. */
const FINAL_CODES = new Set<ErrorCode>(['muted', 'banned', 'blocked_term']);

const UntilDetails = z.object({ until: z.string() });

/** `until` as a local date and time in the current language, or null when absent or not a date. */
export function localTime(iso: string): string | null {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  return new Intl.DateTimeFormat(getLang(), { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

/** A lower-case clause ("you are muted until 25 Nov 2026, 21:05") for an ApiError. */
export function describeApiError(error: ApiError): string {
  if (error.code === 'muted') {
    const details = UntilDetails.safeParse(error.details);
    const until = details.success ? localTime(details.data.until) : null;
    if (until) return t('error.mutedUntil', { time: until });
  }
  return t(TEXT_BY_CODE[error.code] ?? 'error.generic');
}

/** Whether offering "Retry" makes sense for this refusal. */
export function isRetryWorthwhile(error: ApiError | null): boolean {
  return !error || !FINAL_CODES.has(error.code);
}

/** Any thrown value as a user sentence ("Something went wrong: …"), relay errors by their code. */
export function describeFailure(err: unknown): string {
  // A fetch that never reached the relay rejects with a TypeError.
  const reason = err instanceof RelayError ? describeApiError(err.error) : t(err instanceof TypeError ? 'error.unavailable' : 'error.generic');
  return t('common.error', { message: reason });
}
