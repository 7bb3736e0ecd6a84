import type { NextFunction, Request, Response } from 'express';
import type { AuthService } from '../auth/service.js';
import { bearerToken, tokenFromHeaders } from '../auth/credentials.js';
import { ingestPaths } from '../../../protocol/ingest.js';
import { fail } from '../core/errors.js';
import { looksLikeStreamKey } from '../ingest/keys.js';

/** The one address a stream key may be used at (POST, and DELETE of its resources). */
const INGEST_PATH = ingestPaths.whip.replace(/^\/api/, '');

/**
 * Resolves the caller from the Bearer header or the cookie into `res.locals.actor` (read with
 * `actorOf(res)` / mount's `actor`). An invalid or revoked token makes an anonymous caller:
 * routes that need a user answer 401 themselves.
 */
export function resolveActor(auth: AuthService) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    res.locals.actor = null;
    // A stream key publishes media and nothing else: anywhere but the ingest address it is refused
    // outright (not treated as anonymous, which would still read public routes).
    const bearer = bearerToken(req.headers.authorization);
    if (bearer && looksLikeStreamKey(bearer)) {
      const atIngest = req.path === INGEST_PATH || req.path.startsWith(`${INGEST_PATH}/`);
      return next(atIngest ? undefined : fail.unauthorized('A stream key can only be used to publish at the ingest address'));
    }
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
