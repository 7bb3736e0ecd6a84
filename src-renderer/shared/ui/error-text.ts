import { z } from 'zod';
import type { ApiError, ErrorCode } from '../../../protocol/common.js';
import { displayCode } from '../api/display-code.js';
import { RelayError } from '../api/client.js';
import { getLang, t, type StringKey } from '../i18n/index.js';

/**
 * The one table of error texts, for the pages and the studio alike. The relay's `message` is
 * English for developers; what a user reads is chosen from the error's `code` (and its `details`),
 * never shown raw. Texts are clauses ("the broadcast is full") so they fit inside sentences;
 * `errorText` makes a stand-alone sentence of one.
 */

/** Codes the client makes itself, beside the relay's ErrorCode. */
type ClientCode =
  | 'timeout'
  | 'wrong_credentials'
  // Sign-up refusals of the password, told apart by invalid_input's details (see passwordProblem).
  | 'common_password'
  | 'password_too_short'
  | 'media_unreachable'
  | 'connection_lost'
  // Browser media errors (DOMException names) from camera, microphone and screen capture.
  | 'NotAllowedError'
  | 'SecurityError'
  | 'NotFoundError'
  | 'OverconstrainedError'
  | 'NotReadableError'
  | 'AbortError';

const TEXT_BY_CODE: Record<ErrorCode | ClientCode, StringKey> = {
  muted: 'error.muted',
  banned: 'error.banned',
  blocked_term: 'error.blockedTerm',
  followers_only: 'error.followersOnly',
  rate_limited: 'error.rateLimited',
  insufficient_funds: 'error.insufficientFunds',
  payload_too_large: 'error.tooLong',
  invalid_input: 'error.invalidInput',
  unauthorized: 'error.unauthorized',
  forbidden: 'error.forbidden',
  not_host: 'error.forbidden',
  not_found: 'error.notFound',
  duplicate: 'error.duplicate',
  already_hosting: 'error.alreadyHosting',
  invalid_transition: 'error.invalidTransition',
  expired: 'error.expired',
  session_full: 'error.full',
  unavailable: 'error.unavailable',
  unsupported_codec: 'error.unsupportedCodec',
  // Protocol mistakes of a WHIP client (wrong content type or method): nothing a person can fix but retry.
  unsupported_media_type: 'error.invalidInput',
  method_not_allowed: 'error.invalidInput',
  internal: 'error.internal',
  timeout: 'error.timeout',
  wrong_credentials: 'error.wrongCredentials',
  common_password: 'error.commonPassword',
  password_too_short: 'error.passwordTooShort',
  media_unreachable: 'error.mediaUnreachable',
  connection_lost: 'error.connectionLost',
  NotAllowedError: 'error.deviceDenied',
  SecurityError: 'error.deviceDenied',
  NotFoundError: 'error.deviceMissing',
  OverconstrainedError: 'error.deviceMissing',
  NotReadableError: 'error.deviceBusy',
  AbortError: 'error.deviceBusy',
};

const isKnown = (code: string): code is keyof typeof TEXT_BY_CODE => Object.hasOwn(TEXT_BY_CODE, code);

/** Refusals that sending the same message again cannot overturn: no "Retry" for them. */
const FINAL_CODES = new Set<ErrorCode>(['muted', 'banned', 'blocked_term', 'followers_only']);

const UntilDetails = z.object({ until: z.string() });
const MinutesDetails = z.object({ minutes: z.number() });

/** `until` as a local date and time in the current language, or null when absent or not a date. */
export function localTime(iso: string): string | null {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  return new Intl.DateTimeFormat(getLang(), { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

/** A lower-case clause ("the broadcast is full") for a code; null when the code is unknown. */
export function errorClause(code: string): string | null {
  return isKnown(code) ? t(TEXT_BY_CODE[code]) : null;
}

/** A lower-case clause ("you are muted until 25 Nov 2026, 21:05") for an ApiError. */
export function describeApiError(error: ApiError): string {
  if (error.code === 'muted') {
    const details = UntilDetails.safeParse(error.details);
    const until = details.success ? localTime(details.data.until) : null;
    if (until) return t('error.mutedUntil', { time: until });
  }
  if (error.code === 'followers_only') {
    const details = MinutesDetails.safeParse(error.details);
    if (details.success && details.data.minutes > 0) return t('error.followersOnlyMinutes', { minutes: String(details.data.minutes) });
  }
  return errorClause(displayCode(error)) ?? t('error.generic');
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

/** What to remember of a thrown value: a DOMException's name is stable across browsers, its message is not. */
export function errorCodeOf(err: unknown): string {
  if (err instanceof Error && isKnown(err.name)) return err.name;
  return err instanceof Error ? err.message : String(err);
}

const sentence = (clause: string): string => `${clause.charAt(0).toLocaleUpperCase(getLang())}${clause.slice(1)}.`;

/** An error code (or a message) as a stand-alone sentence in the current language. */
export function errorText(code: string): string {
  const clause = errorClause(code);
  return clause === null ? t('common.error', { message: code }) : sentence(clause);
}
