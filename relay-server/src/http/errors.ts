import type { Request, Response } from 'express';
import { statusForCode } from '../../../protocol/common.js';
import { AppError, toApiError } from '../core/errors.js';
import { logger } from '../core/logger.js';

/** Writes the contract's error body; unknown errors are logged and answered as a bare 500. */
export function sendError(res: Response, err: unknown, req?: Request): void {
  const apiError = toApiError(err);
  if (!(err instanceof AppError)) logger.error({ err, path: req?.path }, 'unhandled error in HTTP handler');
  if (err instanceof AppError && err.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(Math.ceil(err.retryAfterSeconds)));
  if (res.headersSent) return;
  res.status(statusForCode[apiError.code]).json({ error: apiError });
}
