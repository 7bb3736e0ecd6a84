import { RelayInfo } from '../../protocol/relay-info.js';
import { log } from '../lib/log.js';

/** At most this many media origins are trusted from one relay (WHIP and WHEP: two at most in practice). */
const MAX_MEDIA_ORIGINS = 8;
const LEARN_TIMEOUT_MS = 4000;

/** `https://host[:port]` exactly (no path, credentials, wildcard or other scheme), or null. */
export function exactHttpOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    // WHATWG URL lets `*` through in a host; a CSP source would read it as a wildcard.
    if (!/^(?:[a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/i.test(url.hostname)) return null;
    return url.origin === value ? value : null;
  } catch {
    return null;
  }
}

/**
 * Asks the relay (`GET /api/info`) which external WHIP/WHEP servers its sessions use, so the studio page's
 * connect-src can allow exactly those. Anything unexpected (no answer, bad JSON, odd values) means none:
 * the embedded forwarder, reached through the relay's own origin, needs nothing more.
 */
export async function learnMediaOrigins(relayUrl: string, fetchImpl: typeof fetch = fetch, timeoutMs = LEARN_TIMEOUT_MS): Promise<string[]> {
  try {
    const response = await fetchImpl(new URL('/api/info', relayUrl), {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const info = RelayInfo.parse(await response.json());
    const origins = new Set<string>();
    for (const value of info.mediaOrigins) {
      const origin = exactHttpOrigin(value);
      if (origin) origins.add(origin);
      else log.warn('the relay named a media origin that is not an http(s) origin; ignoring it', value);
    }
    return [...origins].slice(0, MAX_MEDIA_ORIGINS);
  } catch (err) {
    log.warn(`could not learn the media servers of ${relayUrl} (GET /api/info); only the relay is allowed`, err);
    return [];
  }
}
