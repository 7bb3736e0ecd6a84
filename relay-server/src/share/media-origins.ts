/**
 * The origins (scheme://host:port) of an external WHIP/WHEP server, from its URL templates
 * (`https://media.example/{sessionId}/whip`). A studio whose page policy lists only the relay must be told
 * these to reach it; the embedded forwarder (no external server) needs none.
 */
export function mediaOrigins(external: { whipUrl: string; whepUrl: string } | undefined): string[] {
  if (!external) return [];
  const origins = new Set<string>();
  for (const template of [external.whipUrl, external.whepUrl]) {
    try {
      origins.add(new URL(template.replaceAll('{sessionId}', 'session')).origin);
    } catch {
      // The config schema already refused anything that is not an http(s) URL.
    }
  }
  return [...origins];
}
