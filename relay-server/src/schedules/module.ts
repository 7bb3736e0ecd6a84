import { routes } from '../../../protocol/routes.js';
import type { RelayModule } from '../core/module.js';
import { mount } from '../http/mount.js';
import { createSchedulesService, type SchedulesService } from './service.js';

declare module '../core/module.js' {
  interface Services {
    /** Scheduled lives; `sessionWentLive` lets a live keep its creator's appointment. */
    schedules: SchedulesService;
  }
}

/** Each node looks for due reminders this often; a claim in the database makes sure only one node sends each. */
export const REMINDER_SWEEP_MS = 15_000;

/** Scheduled lives: announce, list, withdraw, and remind followers when one begins. */
export const schedulesModule: RelayModule = {
  name: 'schedules',
  create(ctx) {
    const schedules = createSchedulesService(ctx);
    ctx.services.provide('schedules', schedules);
    let timer: NodeJS.Timeout | null = null;
    return {
      http(router) {
        mount(router, routes.scheduleLive, async ({ actor, body }) => ({ scheduledLive: await schedules.schedule(actor, body) }));
        mount(router, routes.scheduledLives, async () => ({ scheduledLives: await schedules.list() }));
        mount(router, routes.creatorScheduledLives, async ({ params }) => ({ scheduledLives: await schedules.listOf(params.userId) }));
        mount(router, routes.cancelScheduledLive, async ({ actor, params }) => {
          await schedules.cancel(actor, params.id);
          return undefined;
        });
      },
      start() {
        timer = setInterval(() => void schedules.tick(), REMINDER_SWEEP_MS);
        timer.unref();
      },
      close() {
        if (timer) clearInterval(timer);
      },
    };
  },
};
