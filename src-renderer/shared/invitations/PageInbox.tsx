import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/client.js';
import { getAuth, verifyStoredAuth } from '../auth/auth-store.js';
import { createRelayConnection, type RelayConnection } from '../realtime/index.js';
import { createInboxClient, type InboxClient } from './inbox-client.js';
import { InvitationsInbox } from './InvitationsInbox.js';

/** Where an accepted invitation leads on the web: the join page, already seated as a guest. */
export const acceptedJoinUrl = (sessionId: string) => `/join/accepted?session=${encodeURIComponent(sessionId)}`;

/**
 * The inbox in a web page's header, for whoever is signed in on this origin (the cookie): invitations
 * pop up in real time and Accept goes to the join page. `connection` is the page's own socket when it
 * has one (the viewer page); otherwise the inbox opens one.
 */
export function PageInbox({ api, connection }: { api: ApiClient; connection?: RelayConnection | null }) {
  const [client, setClient] = useState<InboxClient | null>(null);
  useEffect(() => {
    let alive = true;
    let own: RelayConnection | null = null;
    let inbox: InboxClient | null = null;
    void (async () => {
      const identity = getAuth() ?? (await verifyStoredAuth(api));
      // A silent viewer identity cannot be invited (nobody can find it by name).
      if (!alive || !identity || identity.auto) return;
      const socket = connection ?? (own = createRelayConnection({ url: location.origin, getToken: () => null }));
      inbox = createInboxClient(api, socket);
      await inbox.load();
      if (alive) setClient(inbox);
    })();
    return () => {
      alive = false;
      inbox?.stop();
      own?.close();
    };
  }, [api, connection]);
  if (!client) return null;
  return <InvitationsInbox client={client} onAccepted={(sessionId) => location.assign(acceptedJoinUrl(sessionId))} />;
}
