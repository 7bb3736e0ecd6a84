import type { NextFunction, Request, Response } from 'express';

/** Headers for every response: no sniffing, no framing, no referrer leaks. */
export function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-site');
  res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  res.removeHeader('X-Powered-By');
  next();
}

/** API answers carry tokens and private data: never stored by browsers or proxies. */
export function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}

const HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/**
 * CSP for the pages: our own scripts only; sockets to this relay; camera, screen and canvas media as
 * blob:/mediastream:; images from data: and blob: (thumbnails, uploaded overlays). `mediaOrigins` are the
 * other origins the relay sends viewers to for media (a CDN in front of LL-HLS, an external WHEP server):
 * hls.js and WHEP fetch them (connect-src), Safari's native HLS plays them (media-src).
 */
export function pageCsp(hostHeader: string | undefined, mediaOrigins: readonly string[] = []): string {
  const sockets = hostHeader && HOST.test(hostHeader) ? ` ws://${hostHeader} wss://${hostHeader}` : '';
  const media = mediaOrigins.map((origin) => ` ${origin}`).join('');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    `media-src 'self' blob: mediastream:${media}`,
    `connect-src 'self'${sockets}${media}`,
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The origins of configured media URLs (`PUBLIC_HLS_URL`, `MEDIA_WHEP_URL`…), once each; templates keep only their origin. */
export function mediaOriginsOf(urls: ReadonlyArray<string | undefined>): string[] {
  const origins = urls.flatMap((url) => {
    if (!url) return [];
    try {
      return [new URL(url.replaceAll('{sessionId}', 'x')).origin];
    } catch {
      return [];
    }
  });
  return [...new Set(origins)];
}
