import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Invitation } from '../../../protocol/invitations.js';
import { routes } from '../../../protocol/routes.js';
import type { ApiClient } from '../api/client.js';
import type { RelayConnection } from '../realtime/connection.js';

export interface InboxState {
  /** Pending invitations addressed to me, oldest first. */
  invitations: Invitation[];
  /** Ids that arrived while this page was open and are not dismissed yet: shown as toasts. */
  fresh: string[];
  error: unknown;
}

export interface InboxClient {
  readonly store: StoreApi<InboxState>;
  /** (Re)loads the pending list, e.g. after signing in. */
  load(): Promise<void>;
  /** Accepts: I am seated as a guest of the invitation's session. */
  accept(id: string): Promise<{ sessionId: string }>;
  decline(id: string): Promise<void>;
  dismiss(id: string): void;
  stop(): void;
}

/**
 * My invitations: the pending list read at sign-in (`GET /api/invitations/pending`) and kept up to date in
 * real time (`invitation:new` adds one and shows it as a toast, `invitation:update` drops answered,
 * revoked or expired ones). Shared by the studio and the web pages.
 */
export function createInboxClient(api: ApiClient, connection: RelayConnection): InboxClient {
  const store = createStore<InboxState>(() => ({ invitations: [], fresh: [], error: null }));
  const drop = (id: string) =>
    store.setState((s) => ({ invitations: s.invitations.filter((i) => i.id !== id), fresh: s.fresh.filter((f) => f !== id) }));
  const unsubscribers = [
    connection.on('invitation:new', ({ invitation }) =>
      store.setState((s) => ({
        invitations: [...s.invitations.filter((i) => i.id !== invitation.id), invitation],
        fresh: [...s.fresh.filter((f) => f !== invitation.id), invitation.id],
      })),
    ),
    connection.on('invitation:update', ({ invitation }) => invitation.status !== 'pending' && drop(invitation.id)),
    // Anything sent while the socket was down is in the list.
    connection.onState((s) => s === 'connected' && void load()),
  ];

  async function load(): Promise<void> {
    try {
      const { invitations } = await api.call(routes.pendingInvitations);
      store.setState({ invitations, error: null });
    } catch (error) {
      store.setState({ error });
    }
  }

  return {
    store,
    load,
    async accept(id) {
      const reply = await api.call(routes.acceptInvitation, { params: { id } });
      drop(id);
      return { sessionId: reply.invitation.sessionId };
    },
    async decline(id) {
      await api.call(routes.rejectInvitation, { params: { id } });
      drop(id);
    },
    dismiss: (id) => store.setState((s) => ({ fresh: s.fresh.filter((f) => f !== id) })),
    stop: () => unsubscribers.splice(0).forEach((u) => u()),
  };
}
