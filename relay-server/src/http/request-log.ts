import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../core/logger.js';

/** The route pattern that served a request (`/api/sessions/:id`), for logs and metrics labels. */
export function routePattern(req: Request): string {
  const route: unknown = req.route;
  if (typeof route === 'object' && route !== null && 'path' in route && typeof route.path === 'string') {
    return `${req.baseUrl}${route.path}`;
  }
  // Unmatched: a fixed label, so that scanners cannot blow up the metrics' cardinality.
  return req.originalUrl.startsWith('/api/') ? '/api/*' : 'other';
}

/**
 * One structured line per request, at debug for health checks and metrics scrapes. A 5xx is an error
 * unless it carries Retry-After: that is a planned "not ready yet" (an LL-HLS live still packaging its
 * first parts, a busy forwarder), logged at info like any other answer.
 */
export function requestLog(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const quiet = req.path === '/healthz' || req.path === '/metrics';
      const entry = { method: req.method, route: routePattern(req), status: res.statusCode, ms: Math.round(ms * 10) / 10 };
      if (quiet) logger.debug(entry, 'request');
      else if (res.statusCode >= 500 && res.getHeader('Retry-After') === undefined) logger.error(entry, 'request');
      else logger.info(entry, 'request');
    });
    next();
  };
}
