import { useEffect, useMemo, useState } from 'react';
import type { Notification } from '../../../protocol/notifications.js';
import { createNotificationsClient } from '../../shared/notifications/notifications-client.js';
import { NotificationBell } from '../../shared/notifications/NotificationBell.js';
import { notificationHref, notificationText } from '../../shared/notifications/system-notification.js';
import { useServices, useStudio } from '../context.js';

/**
 * The notification bell in the studio's top bar. Links open in a new tab or the browser (never over a
 * live). In Electron a notification that arrives also goes to the desktop through main; the web studio
 * uses the browser's Notification API where the streamer allowed it.
 */
export function StudioBell() {
  const { api, connection, platform } = useServices();
  const userId = useStudio((s) => (s.authStatus === 'signed-in' ? (s.user?.id ?? null) : null));
  const [relay, setRelay] = useState<string | null>(null);
  const client = useMemo(() => (userId ? createNotificationsClient(api, connection) : null), [api, connection, userId]);

  useEffect(() => {
    void platform.relayUrl().then(setRelay);
  }, [platform]);
  useEffect(() => {
    if (!client) return;
    void client.load();
    return () => client.stop();
  }, [client]);

  const linkTo = (path: string) => (platform.kind === 'electron' && relay ? `${relay}${path}` : path);
  const notify = platform.notify;
  const desktop = useMemo(
    () =>
      notify && relay
        ? (n: Notification) => {
            const { title, body } = notificationText(n);
            void notify({ title, body, url: `${relay}${notificationHref(n)}` }).catch(() => undefined);
          }
        : undefined,
    [notify, relay],
  );

  if (!client) return null;
  return <NotificationBell client={client} linkTo={linkTo} newTab desktop={desktop} />;
}
