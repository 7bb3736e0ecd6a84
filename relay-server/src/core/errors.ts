import type { ApiError, ErrorCode } from '../../../protocol/common.js';

/**
 * A failure the client may see: a code from the closed set and a human sentence. It is an answer, not a
 * fault, so it carries no stack: capturing one costs more than the rest of a refusal, and a raid makes
 * thousands of refusals a second (bench raid).
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  /** For `rate_limited` and `unavailable`: seconds until a retry may succeed. */
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, message: string, details?: unknown, retryAfterSeconds?: number) {
    const stackFrames = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = stackFrames;
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export const fail = {
  invalidInput: (message = 'Invalid input', details?: unknown) => new AppError('invalid_input', message, details),
  unauthorized: (message = 'Sign in first') => new AppError('unauthorized', message),
  forbidden: (message = 'Not allowed') => new AppError('forbidden', message),
  notHost: () => new AppError('not_host', 'Only the host may do this'),
  muted: (until: Date | null) =>
    new AppError('muted', until ? `You are muted until ${until.toISOString()}` : 'You are muted', until ? { until: until.toISOString() } : undefined),
  banned: () => new AppError('banned', 'You are banned from this session'),
  notFound: (what = 'Resource') => new AppError('not_found', `${what} not found`),
  invalidTransition: (from: string, action: string) =>
    new AppError('invalid_transition', `Cannot ${action} a session that is ${from}`),
  sessionFull: (message = 'The session is full') => new AppError('session_full', message),
  alreadyHosting: () => new AppError('already_hosting', 'You already host a session that has not ended'),
  duplicate: (message: string) => new AppError('duplicate', message),
  expired: (message = 'This has expired') => new AppError('expired', message),
  rateLimited: (retryAfterSeconds: number, message = 'Too many requests, slow down') =>
    new AppError('rate_limited', message, { retryAfterSeconds }, retryAfterSeconds),
  blockedTerm: () => new AppError('blocked_term', 'This message contains a blocked term'),
  insufficientFunds: (needed: number, has: number) =>
    new AppError('insufficient_funds', `This costs ${needed} coins and your wallet holds ${has}`, { needed, has }),
  followersOnly: (minutes: number) =>
    new AppError('followers_only', minutes > 0 ? `Followers of ${minutes} minutes or more only` : 'Followers only: follow the host to chat', { minutes }),
  unavailable: (message = 'Service unavailable') => new AppError('unavailable', message),
  /** A WHIP/WHEP offer with no codec the forwarder can relay (406). */
  unsupportedCodec: (message: string) => new AppError('unsupported_codec', message),
  /** A body of a type the endpoint does not read (415). */
  unsupportedMediaType: (message: string) => new AppError('unsupported_media_type', message),
  /** A method the path does not answer (405; the adapter sets `Allow`). */
  methodNotAllowed: (allow: string) => new AppError('method_not_allowed', `Allowed methods: ${allow}`),
};

/** Reduces any thrown value to what a client may see; unknown errors become `internal` without detail. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof AppError) {
    return err.details === undefined
      ? { code: err.code, message: err.message }
      : { code: err.code, message: err.message, details: err.details };
  }
  return { code: 'internal', message: 'Something went wrong on our side' };
}

/** zod issues as `details`, without echoing the (possibly huge) input back. */
export function zodDetails(issues: ReadonlyArray<{ path: PropertyKey[]; message: string; code: string }>) {
  return issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.'), code: i.code, message: i.message }));
}
