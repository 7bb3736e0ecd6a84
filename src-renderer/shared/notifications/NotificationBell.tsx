import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { Notification } from '../../../protocol/notifications.js';
import { askBrowserPermission } from './system-notification.js';
import { t } from '../i18n/index.js';
import { localTime } from '../ui/error-text.js';
import { useBusyAction } from '../ui/use-busy-action.js';
import type { NotificationsClient } from './notifications-client.js';
import { browserPermission, notificationHref, notificationText, showBrowserNotification, wantsSystemNotification, type Permission } from './system-notification.js';
import './notifications.css';

/** A toast stays this long unless dismissed or opened (the bell keeps the notification). */
const TOAST_MS = 15_000;

interface Props {
  client: NotificationsClient;
  /** Turns a relay path into the link to open: the page's own path on the web, the relay's address in Electron. */
  linkTo?: (path: string) => string;
  /** Links open in a new tab (the studio must not navigate away from a live). */
  newTab?: boolean;
  /**
   * The Electron studio's native desktop notification (through main). Without it, the browser's
   * Notification API is offered (asked on a click, never on load) and used where allowed.
   */
  desktop?: (notification: Notification) => void;
}

function Toast({ n, client, linkProps }: { n: Notification; client: NotificationsClient; linkProps: (n: Notification) => object }) {
  useEffect(() => {
    const timer = setTimeout(() => client.dismiss(n.id), TOAST_MS);
    return () => clearTimeout(timer);
  }, [client, n.id]);
  const { title } = notificationText(n);
  return (
    <li className="notification-toast" data-testid="notification-toast" data-notification-id={n.id}>
      <span>
        <strong>{title}</strong> — <a {...linkProps(n)} data-testid="notification-toast-watch" onClick={() => void client.markRead(n.id)}>
          {t(n.sessionId ? 'notifications.watch' : 'notifications.seeProfile')}
        </a>
      </span>
      <span className="muted">{n.title}</span>
      <button type="button" className="link" aria-label={t('notifications.dismiss')} onClick={() => client.dismiss(n.id)}>
        ×
      </button>
    </li>
  );
}

function Line({ n, client, muted, linkProps }: { n: Notification; client: NotificationsClient; muted: boolean; linkProps: (n: Notification) => object }) {
  const { busy, error, run } = useBusyAction();
  const { title } = notificationText(n);
  const name = n.creator.displayName || n.creator.username;
  return (
    <li className={`notification${n.read ? '' : ' unread'}`} data-testid="notification-item" data-notification-id={n.id} data-read={n.read}>
      <a {...linkProps(n)} onClick={() => void client.markRead(n.id)}>
        <strong>{title}</strong>
      </a>
      <span className="muted">
        {n.title} · {localTime(n.createdAt)}
      </span>
      <button
        type="button"
        className="link"
        data-testid="notification-mute"
        data-muted={muted}
        disabled={busy}
        onClick={() => void run(() => client.setMuted(n.creator.id, !muted))}
      >
        {muted ? t('notifications.unmute', { name }) : t('notifications.mute', { name })}
      </button>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </li>
  );
}

/**
 * The bell: unread count, a toast for each notification that arrives while the page is open ("Awa is live
 * now — Watch"), and the notification centre (list, mark all read, mute a creator). Shared by the studio's
 * top bar and every page's header.
 */
export function NotificationBell({ client, linkTo = (p) => p, newTab = false, desktop }: Props) {
  const notifications = useStore(client.store, (s) => s.notifications);
  const unread = useStore(client.store, (s) => s.unreadCount);
  const fresh = useStore(client.store, (s) => s.fresh);
  const muted = useStore(client.store, (s) => s.muted);
  const [open, setOpen] = useState(false);
  const [permission, setPermission] = useState<Permission>(() => (desktop ? 'unsupported' : browserPermission()));
  const markAll = useBusyAction();

  useEffect(
    () =>
      client.onArrival((n) => {
        if (desktop) desktop(n);
        else if (wantsSystemNotification(browserPermission(), document.visibilityState)) showBrowserNotification(n);
      }),
    [client, desktop],
  );

  const linkProps = (n: Notification) => ({ href: linkTo(notificationHref(n)), ...(newTab ? { target: '_blank', rel: 'noreferrer' } : {}) });
  const toasts = notifications.filter((n) => fresh.includes(n.id));
  const ask = async () => setPermission(await askBrowserPermission());

  return (
    <div className="notification-bell" data-testid="notification-bell">
      <button
        type="button"
        className="secondary bell-button"
        data-testid="bell"
        data-unread={unread}
        aria-expanded={open}
        aria-label={unread > 0 ? t('notifications.unread', { count: unread }) : t('notifications.title')}
        title={t('notifications.title')}
        onClick={() => {
          setOpen(!open);
          fresh.forEach((id) => client.dismiss(id));
        }}
      >
        🔔{unread > 0 && <span className="count" data-testid="bell-count">{unread}</span>}
      </button>
      {!open && toasts.length > 0 && (
        <ul className="notification-toasts" role="status" aria-live="polite">
          {toasts.map((n) => (
            <Toast key={n.id} n={n} client={client} linkProps={linkProps} />
          ))}
        </ul>
      )}
      {open && (
        <div className="notification-popover" role="dialog" aria-label={t('notifications.title')} data-testid="notification-centre">
          <div className="notification-popover-head">
            <strong>{t('notifications.title')}</strong>
            <button type="button" className="link" data-testid="notifications-mark-all" disabled={unread === 0 || markAll.busy} onClick={() => void markAll.run(() => client.markAllRead())}>
              {t('notifications.markAllRead')}
            </button>
          </div>
          {markAll.error && (
            <p className="error" role="alert">
              {markAll.error}
            </p>
          )}
          {notifications.length === 0 && <p className="muted">{t('notifications.empty')}</p>}
          <ul>
            {notifications.map((n) => (
              <Line key={n.id} n={n} client={client} muted={muted.includes(n.creator.id)} linkProps={linkProps} />
            ))}
          </ul>
          {permission === 'default' && (
            <button type="button" className="secondary" data-testid="notifications-allow" onClick={() => void ask()}>
              {t('notifications.allowBrowser')}
            </button>
          )}
          {permission === 'denied' && <p className="muted">{t('notifications.browserDenied')}</p>}
        </div>
      )}
    </div>
  );
}
