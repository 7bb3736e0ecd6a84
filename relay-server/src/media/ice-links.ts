import type { IceServer } from '../../../protocol/sessions.js';

/** A quoted-string of RFC 8288 (backslash before `"` and `\`). */
const quoted = (value: string): string => `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;

/**
 * RFC 9725 §4.6: the ICE servers a WHIP/WHEP client should use, as `Link: <url>; rel="ice-server"`
 * values, with TURN credentials (`credential-type="password"`, the long-term mechanism).
 */
export function iceServerLinks(servers: IceServer[]): string[] {
  const links: string[] = [];
  for (const server of servers) {
    for (const url of Array.isArray(server.urls) ? server.urls : [server.urls]) {
      // A URL with characters that would break out of <…> is not ours to pass on.
      if (/[<>\s,]/.test(url)) continue;
      const credentials = server.username !== undefined && server.credential !== undefined
        ? `; username=${quoted(server.username)}; credential=${quoted(server.credential)}; credential-type="password"`
        : '';
      links.push(`<${url}>; rel="ice-server"${credentials}`);
    }
  }
  return links;
}
