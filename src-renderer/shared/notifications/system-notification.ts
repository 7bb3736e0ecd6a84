import type { Notification as AfritokNotification } from '../../../protocol/notifications.js';
import { t } from '../i18n/index.js';

/** Where a notification leads: its live, or the creator's profile for an announcement not started yet. */
export function notificationHref(n: AfritokNotification): string {
  return n.sessionId ? `/watch/${encodeURIComponent(n.sessionId)}` : `/u/${encodeURIComponent(n.creator.username)}`;
}

/** The one sentence a notification says ("Awa is live now" / "Awa's live begins"), and its second line. */
export function notificationText(n: AfritokNotification): { title: string; body: string } {
  const name = n.creator.displayName || n.creator.username;
  return { title: t(n.kind === 'scheduled' ? 'notifications.scheduledStarts' : 'notifications.liveNow', { name }), body: n.title };
}

export type Permission = 'default' | 'granted' | 'denied' | 'unsupported';

/** The browser's Notification permission, or `unsupported` where there is no Notification API. */
export function browserPermission(): Permission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/**
 * Whether to also raise a system notification for one that arrived: only where the person allowed it,
 * and only when they are not looking at the page (the toast says it already).
 */
export function wantsSystemNotification(permission: Permission, visibility: DocumentVisibilityState): boolean {
  return permission === 'granted' && visibility !== 'visible';
}

/** The browser Notification API: clicking it brings the tab forward on the live. */
export function showBrowserNotification(n: AfritokNotification): void {
  const { title, body } = notificationText(n);
  const shown = new Notification(title, { body, tag: n.id, lang: document.documentElement.lang });
  shown.onclick = () => {
    window.focus();
    location.assign(notificationHref(n));
  };
}

/** Asks the browser (only ever from a click: browsers refuse, and people resent, a request on load). */
export async function askBrowserPermission(): Promise<Permission> {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.requestPermission();
}
