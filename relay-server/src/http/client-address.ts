import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

/** Which hops in front of the relay may speak for the client: none, a fixed number, or these addresses/CIDRs. */
export type TrustProxy = false | number | string[];

export type TrustFn = (address: string, hop: number) => boolean;

/**
 * The trust function for both Express (`trust proxy`) and Socket.io handshakes, so every limit keys
 * on the same client address. `true` (trust every hop, so the client's own leftmost X-Forwarded-For
 * entry) is never an option: see config.ts.
 */
export function compileTrust(trust: TrustProxy): TrustFn {
  if (trust === false) return () => false;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return proxyaddr.compile(trust);
}

/** The client's address as the configured proxies report it (the socket's own address when none is trusted). */
export function clientAddress(req: IncomingMessage, trust: TrustFn): string {
  try {
    return proxyaddr(req as Parameters<typeof proxyaddr>[0], trust);
  } catch {
    return req.socket.remoteAddress ?? 'unknown';
  }
}
