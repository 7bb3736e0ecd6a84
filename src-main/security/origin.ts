/** Where the studio's own pages come from: the custom scheme in production, the dev server in development. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'studio';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/studio.html`;

/**
 * `scheme://host[:port]` of a URL, or null when it does not parse. WHATWG `URL.origin` is "null" for
 * non-special schemes such as `app:`, so it is rebuilt from the parts.
 */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    if (!u.host) return null;
    return `${u.protocol}//${u.host}`;
  } catch {
    return null;
  }
}

/** The origins our own code runs at: the app scheme, plus the dev server when one is in use. */
export function trustedOrigins(devServerUrl: string | undefined): readonly string[] {
  const dev = devServerUrl ? originOf(devServerUrl) : null;
  return dev ? [APP_ORIGIN, dev] : [APP_ORIGIN];
}

export function isTrustedUrl(url: string | undefined, trusted: readonly string[]): boolean {
  if (!url) return false;
  const origin = originOf(url);
  return origin !== null && trusted.includes(origin);
}

/** The frame facts every trust decision needs (WebFrameMain satisfies it). */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
}

/** Only our page's top frame may talk to main or be granted devices. */
export function isTrustedFrame(frame: FrameLike | null | undefined, trusted: readonly string[]): boolean {
  return !!frame && frame.parent === null && isTrustedUrl(frame.url, trusted);
}
