import type { NextFunction, Request, Response } from 'express';
import type { AuthService } from '../auth/service.js';
import { tokenFromHeaders } from '../auth/credentials.js';

/**
 * Resolves the caller from the Bearer header or the cookie into `res.locals.actor` (read with
 * `actorOf(res)` / mount's `actor`). An invalid or revoked token makes an anonymous caller:
 * routes that need a user answer 401 themselves.
 */
export function resolveActor(auth: AuthService) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    res.locals.actor = null;
    const token = tokenFromHeaders(req.headers);
    if (!token) return next();
    try {
      res.locals.actor = (await auth.authenticate(token))?.actor ?? null;
      next();
    } catch (err) {
      next(err);
    }
  };
}
