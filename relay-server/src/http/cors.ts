import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../core/errors.js';
import { sendError } from './errors.js';
import type { OriginPolicy } from './origin.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CORS for the allowed origins, with credentials. A state-changing request from any other origin is
 * refused outright: a cookie is sent by the browser on same-site requests (another localhost port),
 * so a missing CORS header alone would not stop a form post.
 */
export function corsMiddleware(policy: OriginPolicy) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const origin = req.headers.origin;
    if (origin === undefined) return next();
    res.vary('Origin');
    if (!policy.isAllowed(origin, req.headers.host)) {
      if (SAFE_METHODS.has(req.method)) return next();
      return sendError(res, new AppError('forbidden', 'This origin may not call the relay'), req);
    }
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PATCH, DELETE, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization');
      res.setHeader('Access-Control-Max-Age', '600');
      // Routes may answer OPTIONS themselves (WHIP/WHEP: Accept-Post, their own methods); the rest end in preflightDone.
    }
    next();
  };
}

/** Ends a CORS preflight no route answered (mounted after the routes). */
export function preflightDone(req: Request, res: Response, next: NextFunction): void {
  if (req.method === 'OPTIONS' && res.getHeader('Access-Control-Allow-Origin') !== undefined) {
    res.status(204).end();
    return;
  }
  next();
}
