import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Notification } from '../../../protocol/notifications.js';
import { routes } from '../../../protocol/routes.js';
import type { ApiClient } from '../api/client.js';
import type { RelayConnection } from '../realtime/connection.js';

export interface NotificationsState {
  /** Newest first, as the relay keeps them (its last page). */
  notifications: Notification[];
  unreadCount: number;
  /** Ids that arrived while this page was open and are not dismissed yet: shown as toasts. */
  fresh: string[];
  /** Creators whose live notifications I muted from here (the relay stops sending them). */
  muted: string[];
  error: unknown;
}

export interface NotificationsClient {
  readonly store: StoreApi<NotificationsState>;
  load(): Promise<void>;
  markAllRead(): Promise<void>;
  /** Marks one read (opening it). */
  markRead(id: string): Promise<void>;
  setMuted(creatorId: string, muted: boolean): Promise<void>;
  dismiss(id: string): void;
  /** Called for each notification that arrives live (toasts, desktop and browser notifications). */
  onArrival(listener: (notification: Notification) => void): () => void;
  stop(): void;
}

/** Keeps at most this many in memory: what the centre shows. */
const KEPT = 50;

/**
 * My notification centre: read at sign-in (`GET /api/notifications`), kept up to date by `notification:new`
 * on the socket, and read again after a reconnection (what was sent while offline is in the list). Shared by
 * the studio's top bar and every page's header.
 */
export function createNotificationsClient(api: ApiClient, connection: RelayConnection): NotificationsClient {
  const store = createStore<NotificationsState>(() => ({ notifications: [], unreadCount: 0, fresh: [], muted: [], error: null }));
  const listeners = new Set<(n: Notification) => void>();
  const openedAt = Date.now();
  /** A toast and the desktop/browser alerts, once per notification. */
  const announce = (notification: Notification): void => {
    if (store.getState().fresh.includes(notification.id)) return;
    store.setState((s) => ({ fresh: [...s.fresh, notification.id] }));
    listeners.forEach((l) => l(notification));
  };

  const unsubscribers = [
    connection.on('notification:new', ({ notification }) => {
      const known = store.getState().notifications.some((n) => n.id === notification.id);
      if (known) return;
      store.setState((s) => ({
        notifications: [notification, ...s.notifications].slice(0, KEPT),
        unreadCount: s.unreadCount + (notification.read ? 0 : 1),
      }));
      announce(notification);
    }),
    connection.onState((s) => s === 'connected' && void load()),
  ];

  async function load(): Promise<void> {
    // A reply can be read on the relay before a notification that reaches the socket while it travels:
    // those live arrivals are kept on top of the reply instead of being erased by it.
    const before = new Set(store.getState().notifications.map((n) => n.id));
    try {
      const reply = await api.call(routes.notifications);
      const known = new Set(store.getState().notifications.map((n) => n.id));
      store.setState((s) => mergeLoaded(reply, s.notifications.filter((n) => !before.has(n.id))));
      // Sent while the socket was still connecting: toasted as if it had come live.
      for (const n of arrivedWhileOpen(reply.notifications, known, openedAt)) announce(n);
    } catch (error) {
      store.setState({ error });
    }
  }

  async function markRead(ids: string[] | undefined): Promise<void> {
    const { unreadCount } = await api.call(routes.markNotificationsRead, { body: ids ? { ids } : {} });
    store.setState((s) => ({
      unreadCount,
      notifications: s.notifications.map((n) => (!ids || ids.includes(n.id) ? { ...n, read: true } : n)),
    }));
  }

  return {
    store,
    load,
    markAllRead: () => markRead(undefined),
    markRead: (id) => markRead([id]),
    async setMuted(creatorId, muted) {
      const { user } = await api.call(routes.muteCreatorNotifications, { params: { userId: creatorId }, body: { muted } });
      store.setState((s) => ({ muted: user.notificationsMuted ? [...new Set([...s.muted, creatorId])] : s.muted.filter((m) => m !== creatorId) }));
    },
    dismiss: (id) => store.setState((s) => ({ fresh: s.fresh.filter((f) => f !== id) })),
    onArrival(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: () => {
      unsubscribers.splice(0).forEach((u) => u());
      listeners.clear();
    },
  };
}

/** The relay's list and count, plus what arrived live while it was being read and is not in it. */
export function mergeLoaded(
  reply: { notifications: Notification[]; unreadCount: number },
  arrivedMeanwhile: Notification[],
): Pick<NotificationsState, 'notifications' | 'unreadCount' | 'error'> {
  const loaded = new Set(reply.notifications.map((n) => n.id));
  const missing = arrivedMeanwhile.filter((n) => !loaded.has(n.id));
  return {
    notifications: [...missing, ...reply.notifications].slice(0, KEPT),
    unreadCount: reply.unreadCount + missing.filter((n) => !n.read).length,
    error: null,
  };
}

/** Leeway for the relay's clock being behind this page's. */
const CLOCK_LEEWAY_MS = 5_000;

/** Unread notifications in a reply that this page had not seen and that were made since it opened. */
export function arrivedWhileOpen(loaded: Notification[], known: ReadonlySet<string>, openedAt: number): Notification[] {
  return loaded.filter((n) => !known.has(n.id) && !n.read && Date.parse(n.createdAt) >= openedAt - CLOCK_LEEWAY_MS);
}
