import type { IpcRouter } from '../../ipc/handle.js';
import { isSafeExternalUrl } from '../../security/navigation.js';

/** What main needs from Electron to notify (Notification, the window, the shell), injected so it is testable. */
export interface DesktopNotifierDeps {
  /** Electron's `Notification.isSupported()`. */
  isSupported: () => boolean;
  /** Whether the studio window is in front: its own toast says it already. */
  isWindowFocused: () => boolean;
  /** Shows `new Notification({title, body})`; `onClick` runs when the person clicks it. */
  show: (notification: { title: string; body: string }, onClick: () => void) => void;
  focusWindow: () => void;
  openExternal: (url: string) => Promise<void>;
  now?: () => number;
}

/** A burst from a relay (many creators going live at once) shows this many per minute, the bell keeps the rest. */
export const MAX_PER_MINUTE = 5;

/**
 * `notifications:show`: a native desktop notification for the studio. Clicking it brings the studio
 * forward and opens the live in the browser (only http(s): the URL comes from the renderer).
 */
export function registerNotificationsIpc(router: IpcRouter, deps: DesktopNotifierDeps): void {
  const now = deps.now ?? Date.now;
  let shownAt: number[] = [];
  router.handle('notifications:show', ({ title, body, url }) => {
    if (!deps.isSupported() || deps.isWindowFocused()) return { shown: false };
    const at = now();
    shownAt = shownAt.filter((t) => at - t < 60_000);
    if (shownAt.length >= MAX_PER_MINUTE) return { shown: false };
    shownAt.push(at);
    deps.show({ title, body }, () => {
      deps.focusWindow();
      if (url && isSafeExternalUrl(url)) void deps.openExternal(url);
    });
    return { shown: true };
  });
}
