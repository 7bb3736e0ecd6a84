import type { NextFunction, Request, Response } from 'express';
import { AppError, fail } from '../core/errors.js';
import { sendError } from './errors.js';

/** What body-parser and other middleware attach to the errors they raise. */
interface HttpishError {
  status?: unknown;
  statusCode?: unknown;
  type?: unknown;
}

function statusOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { status, statusCode } = err as HttpishError;
  const value = typeof status === 'number' ? status : statusCode;
  return typeof value === 'number' ? value : undefined;
}

/** Turns a middleware error into the contract's error: bad input is a 4xx, never a 500 or an HTML page. */
export function toAppError(err: unknown): AppError | unknown {
  if (err instanceof AppError) return err;
  const type = typeof err === 'object' && err !== null ? (err as HttpishError).type : undefined;
  const status = statusOf(err);
  if (type === 'entity.too.large' || status === 413) return new AppError('payload_too_large', 'The request body is too large (limit 1 MiB)');
  if (type === 'entity.parse.failed') return fail.invalidInput('The request body is not valid JSON');
  if (status !== undefined && status >= 400 && status < 500) return fail.invalidInput('The request could not be read');
  return err;
}

/** Last middleware: every error leaves as JSON in the contract's shape. */
export function errorHandler(err: unknown, req: Request, res: Response, _next: NextFunction): void {
  sendError(res, toAppError(err), req);
}

/** Unknown route (API or page): a JSON 404, never Express's HTML page. */
export function notFound(req: Request, res: Response): void {
  sendError(res, fail.notFound(`Route ${req.method} ${req.path.slice(0, 200)}`), req);
}
