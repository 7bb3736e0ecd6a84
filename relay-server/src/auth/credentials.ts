import type { IncomingHttpHeaders } from 'node:http';
import { TOKEN_TTL_SECONDS } from './tokens.js';

/** Name of the httpOnly cookie that carries the token for browsers. */
export const AUTH_COOKIE = 'afritok_token';

/** Reads one cookie from a Cookie header; undefined when absent or malformed. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header || header.length > 16_384) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    try {
      return decodeURIComponent(raw);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The token of an HTTP request or a Socket.io handshake: `Authorization: Bearer` first, else the cookie. */
export function tokenFromHeaders(headers: IncomingHttpHeaders): string | undefined {
  return bearerToken(headers.authorization) ?? (readCookie(headers.cookie, AUTH_COOKIE) || undefined);
}

export function bearerToken(authorization: string | undefined): string | undefined {
  const match = authorization ? /^Bearer\s+(\S+)$/i.exec(authorization) : null;
  return match?.[1] || undefined;
}

/** Set-Cookie value for a sign-in; `secure` when the request came over https. */
export function authCookie(token: string, secure: boolean): string {
  return serialize(encodeURIComponent(token), TOKEN_TTL_SECONDS, secure);
}

export function clearedAuthCookie(secure: boolean): string {
  return serialize('', 0, secure);
}

function serialize(value: string, maxAgeSeconds: number, secure: boolean): string {
  const parts = [`${AUTH_COOKIE}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeSeconds}`];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}
