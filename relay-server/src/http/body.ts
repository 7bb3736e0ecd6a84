import type { IncomingMessage } from 'node:http';
import express from 'express';

export const MAX_JSON_BODY_BYTES = 1024 * 1024;

/** Keys that would reach Object.prototype if a body were ever merged into another object. */
const POLLUTING_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export class PollutingKeyError extends Error {
  constructor(readonly key: string) {
    super(`JSON key "${key}" is not accepted`);
  }
}

/**
 * JSON bodies up to 1 MiB. A body carrying `__proto__`, `constructor` or `prototype` keys is refused
 * as invalid input rather than cleaned, so nothing downstream ever sees one. Any content type that
 * is not JSON leaves the body undefined, which route schemas then judge.
 */
const rawBodies = new WeakMap<IncomingMessage, Buffer>();

/** The exact bytes of a JSON body as received: signed webhooks (Stripe) verify these, not the parsed object. */
export function rawBodyOf(req: IncomingMessage): Buffer | undefined {
  return rawBodies.get(req);
}

export const jsonBody = express.json({
  limit: MAX_JSON_BODY_BYTES,
  strict: true,
  verify(req, _res, buf) {
    rawBodies.set(req, buf);
  },
  reviver(key: string, value: unknown) {
    if (POLLUTING_KEYS.has(key)) throw new PollutingKeyError(key);
    return value;
  },
});
