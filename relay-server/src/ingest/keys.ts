import { createHash, randomBytes } from 'node:crypto';

/**
 * Stream keys: 24 random bytes (192 bits) behind a fixed prefix, so a key is never mistaken for a
 * sign-in token (a JWT has dots) and a leaked one is recognisable. Being random, a fast hash is enough
 * to store them (nothing to brute-force as with passwords); the relay keeps only SHA-256.
 */
const PREFIX = 'afk_live_';
const SHAPE = /^afk_live_[A-Za-z0-9_-]{32}$/;

export function newStreamKey(): string {
  return `${PREFIX}${randomBytes(24).toString('base64url')}`;
}

export function looksLikeStreamKey(token: string): boolean {
  return SHAPE.test(token);
}

export function hashStreamKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
