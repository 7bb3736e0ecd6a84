import { isTrustedUrl } from './origin.js';

/** A link we may hand to the OS browser: http(s), no credentials, bounded length. */
export function isSafeExternalUrl(url: string): boolean {
  if (url.length > 2048) return false;
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password;
  } catch {
    return false;
  }
}

export interface NavigationDecision {
  /** Let the window itself go there (only our own pages). */
  allowInWindow: boolean;
  /** Open in the user's browser instead. */
  openExternally: boolean;
}

/** What to do when the page tries to navigate or open a window to `url`. */
export function decideNavigation(url: string, trusted: readonly string[]): NavigationDecision {
  if (isTrustedUrl(url, trusted)) return { allowInWindow: true, openExternally: false };
  return { allowInWindow: false, openExternally: isSafeExternalUrl(url) };
}
