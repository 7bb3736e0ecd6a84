import { createHash, randomBytes } from 'node:crypto';

/** A fresh invite-link token: 32 random bytes, URL-safe. Only its hash is ever stored. */
export function newLinkToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Where the link leads: the guest page for a guest link, the session's viewer page for a viewer link;
 * on PUBLIC_URL when set, else the origin the host called us on.
 */
export function inviteUrl(base: string, token: string, role: 'guest' | 'viewer' = 'guest', sessionId = ''): string {
  const root = base.replace(/\/$/, '');
  if (role === 'viewer') return `${root}/watch/${encodeURIComponent(sessionId)}?invite=${token}`;
  return `${root}/join/${token}`;
}
