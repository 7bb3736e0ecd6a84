import type { RelayModule } from '../core/module.js';
import { routes } from '../../../protocol/routes.js';
import { mount } from '../http/mount.js';
import { createNotificationsService, type NotificationsService } from './service.js';

declare module '../core/module.js' {
  interface Services {
    /** The notification centre; `sessionWentLive` starts the followers' fan-out (sessions call it, never await it). */
    notifications: NotificationsService;
  }
}

/** Notifications: "went live" to followers in batches, the centre, mark read. */
export const notificationsModule: RelayModule = {
  name: 'notifications',
  create(ctx) {
    const notifications = createNotificationsService(ctx);
    ctx.services.provide('notifications', notifications);
    return {
      http(router) {
        mount(router, routes.notifications, async ({ actor }) => notifications.list(actor));
        mount(router, routes.markNotificationsRead, async ({ actor, body }) => ({ unreadCount: await notifications.markRead(actor, body.ids) }));
      },
      // Batches still being written finish first: a follower is told once, or not at all.
      close: () => notifications.stop(),
    };
  },
};
