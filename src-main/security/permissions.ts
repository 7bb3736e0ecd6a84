import { isTrustedUrl } from './origin.js';

/** The only permissions our page may hold: camera/microphone, screen capture, writing the clipboard (invite links). */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['media', 'display-capture', 'clipboard-sanitized-write']);

export interface PermissionQuery {
  permission: string;
  /** The URL (or origin) of the frame asking. */
  requestingUrl: string | undefined;
  isMainFrame: boolean;
  /** For `media`: what is asked for. */
  mediaTypes?: readonly string[] | undefined;
}

/** Allow-list decision shared by the request and the check handlers. */
export function decidePermission(query: PermissionQuery, trusted: readonly string[]): boolean {
  if (!ALLOWED_PERMISSIONS.has(query.permission)) return false;
  if (!query.isMainFrame) return false;
  if (!isTrustedUrl(query.requestingUrl, trusted)) return false;
  if (query.permission === 'media') {
    return (query.mediaTypes ?? []).every((type) => type === 'audio' || type === 'video');
  }
  return true;
}
