import { exactHttpOrigin } from './media-origins.js';
import { originOf } from './origin.js';

export interface CspInput {
  /** The relay the studio talks to over HTTP and Socket.io. */
  relayUrl: string;
  /** The electron-vite dev server, in development only (it needs inline scripts and its websocket). */
  devServerUrl?: string | undefined;
  /** External WHIP/WHEP servers the relay named (GET /api/info): the studio's fetch() must reach them. */
  mediaOrigins?: readonly string[] | undefined;
}

/** ws(s) twin of an http(s) origin, for Socket.io's websocket transport. */
function websocketOrigin(httpOrigin: string): string {
  return httpOrigin.replace(/^http/, 'ws');
}

/** The Content-Security-Policy of the studio page. */
export function buildCsp({ relayUrl, devServerUrl, mediaOrigins = [] }: CspInput): string {
  const relay = originOf(relayUrl);
  const dev = devServerUrl ? originOf(devServerUrl) : null;
  const connect = ["'self'"];
  if (relay) connect.push(relay, websocketOrigin(relay));
  if (dev) connect.push(dev, websocketOrigin(dev));
  // WHIP/WHEP is plain HTTP (POST an offer, DELETE to stop): the http(s) origin only, no websocket twin.
  for (const origin of mediaOrigins) {
    const exact = exactHttpOrigin(origin);
    if (exact && !connect.includes(exact)) connect.push(exact);
  }
  const scripts = dev ? ["'self'", "'unsafe-inline'", dev] : ["'self'"];
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': scripts,
    // React writes style properties through the CSSOM; inline <style> from the bundler needs this.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', ...(relay ? [relay] : [])],
    'media-src': ["'self'", 'blob:', 'mediastream:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': connect,
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
