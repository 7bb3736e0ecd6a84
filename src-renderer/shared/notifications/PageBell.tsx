import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/client.js';
import { useMe, isSignedIn } from '../follows/use-me.js';
import type { RelayConnection } from '../realtime/index.js';
import { createNotificationsClient, type NotificationsClient } from './notifications-client.js';
import { NotificationBell } from './NotificationBell.js';
import { pageConnection } from './page-connection.js';

/**
 * The bell in a web page's header, for whoever is signed in on this origin (the cookie). `connection` is
 * the page's own socket when it has one; otherwise the page's header socket is opened.
 */
export function PageBell({ api, connection, newTab = false }: { api: ApiClient; connection?: RelayConnection | null; newTab?: boolean }) {
  const me = useMe(api);
  const signedIn = isSignedIn(me);
  const [client, setClient] = useState<NotificationsClient | null>(null);
  useEffect(() => {
    if (!signedIn) return;
    const created = createNotificationsClient(api, connection ?? pageConnection());
    void created.load();
    setClient(created);
    return () => created.stop();
  }, [api, connection, signedIn]);
  if (!client || !signedIn) return null;
  return <NotificationBell client={client} newTab={newTab} />;
}
