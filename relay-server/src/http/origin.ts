/**
 * Which browser origins may call the relay: the WEBSOCKET_CORS_ORIGIN list, the relay's own origin
 * (the page was served by this relay: Origin's host equals the Host header), PUBLIC_URL's origin and
 * the Electron studio's `app://studio`.
 * A request without Origin comes from a native client or a same-origin navigation and is judged by
 * its token alone. Used by CORS and by Socket.io on both transports.
 */
export interface OriginPolicy {
  isAllowed(origin: string | undefined, hostHeader: string | undefined): boolean;
}

/**
 * The Electron studio's pages come from its own `app://studio` scheme (src-main/security/origin.ts).
 * It is a first-party native client: no web page can claim this Origin, so it is always allowed.
 */
export const STUDIO_APP_ORIGIN = 'app://studio';

/** `scheme://host[:port]`; rebuilt from parts because WHATWG `URL.origin` is "null" for `app:`. */
function normalize(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.host ? `${url.protocol}//${url.host}`.toLowerCase() : null;
  } catch {
    return null;
  }
}

export function createOriginPolicy(corsOrigins: readonly string[], publicUrl: string | undefined): OriginPolicy {
  const allowAny = corsOrigins.includes('*');
  const allowed = new Set(corsOrigins.map(normalize).filter((o): o is string => o !== null));
  allowed.add(STUDIO_APP_ORIGIN);
  const publicOrigin = publicUrl ? normalize(publicUrl) : null;
  if (publicOrigin) allowed.add(publicOrigin);

  return {
    isAllowed(origin, hostHeader) {
      if (origin === undefined) return true;
      const normalized = normalize(origin);
      if (normalized === null) return false;
      if (allowAny || allowed.has(normalized)) return true;
      const ownHost = normalized.startsWith('http://') || normalized.startsWith('https://') ? new URL(normalized).host : null;
      return ownHost !== null && hostHeader !== undefined && ownHost === hostHeader.toLowerCase();
    },
  };
}
