import { createHmac } from 'node:crypto';
import type { IceServer } from '../../../protocol/sessions.js';
import type { RelayConfig } from '../config.js';

/**
 * TURN credentials in coturn's `use-auth-secret` (TURN REST API) scheme: the username carries its own
 * expiry, and the credential is the HMAC-SHA1 of the username under the shared secret, base64-encoded.
 */
export function turnCredentials(secret: string, userId: string, expiresAt: Date): { username: string; credential: string } {
  const username = `${Math.floor(expiresAt.getTime() / 1000)}:${userId}`;
  const credential = createHmac('sha1', secret).update(username).digest('base64');
  return { username, credential };
}

/** The configured ICE servers plus, when TURN is set up, a TURN entry with the caller's own credentials. */
export function iceServersFor(config: Pick<RelayConfig, 'iceServers' | 'turn'>, userId: string, now: Date): IceServer[] {
  const servers = [...config.iceServers];
  if (config.turn) {
    const expiresAt = new Date(now.getTime() + config.turn.ttlSeconds * 1000);
    servers.push({ urls: config.turn.urls, ...turnCredentials(config.turn.secret, userId, expiresAt) });
  }
  return servers;
}
