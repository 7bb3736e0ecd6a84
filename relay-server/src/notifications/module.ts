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
  init(ctx) {
    ctx.services.provide('notifications', createNotificationsService(ctx));
  },
  http(router, ctx) {
    const notifications = () => ctx.services.get('notifications');
    mount(router, routes.notifications, async ({ actor }) => notifications().list(actor));
    mount(router, routes.markNotificationsRead, async ({ actor, body }) => ({ unreadCount: await notifications().markRead(actor, body.ids) }));
  },
  async stop(ctx) {
    if (ctx) await ctx.services.get('notifications').stop();
  },
};
