import type { Request, Response } from 'express';
import type { Storage } from '../storage/types.js';

const PING_TIMEOUT_MS = 2000;

function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('database ping timed out')), ms);
    work.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

/** GET /healthz: 200 when the database answers within 2 s, else 503. */
export function healthHandler(storage: Storage) {
  return async (_req: Request, res: Response): Promise<void> => {
    res.setHeader('Cache-Control', 'no-store');
    try {
      await withTimeout(storage.ping(), PING_TIMEOUT_MS);
      res.status(200).json({ status: 'ok', db: 'ok' });
    } catch {
      res.status(503).json({ status: 'error', db: 'error' });
    }
  };
}
