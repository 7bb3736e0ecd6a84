import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { toApiError, fail } from '../core/errors.js';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 (what a dual-stack socket reports). */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4 === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/**
 * Who may read /metrics (socket counts, session counts, route timings: a map of the relay for anyone
 * planning a raid). With METRICS_TOKEN, a scraper sends `Authorization: Bearer <token>` (Prometheus's
 * `authorization` setting); without it, only this machine may scrape — judged on the client address as
 * the trusted proxies report it, so a proxy on the same host does not open it to the world.
 */
export function metricsAccess(token: string | undefined) {
  const expected = token ? digest(token) : null;
  return (req: Request, res: Response, next: NextFunction): void => {
    const allowed = expected
      ? timingSafeEqual(digest(req.headers.authorization?.replace(/^Bearer /i, '') ?? ''), expected)
      : isLoopback(req.ip);
    if (allowed) return next();
    const error = expected ? fail.unauthorized('Send the METRICS_TOKEN as a bearer token') : fail.forbidden('Metrics are served to this machine only (set METRICS_TOKEN to scrape from elsewhere)');
    res.status(expected ? 401 : 403).json({ error: toApiError(error) });
  };
}
