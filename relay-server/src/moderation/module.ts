import type { RelayModule } from '../core/module.js';
import { mountModerationRoutes } from './routes.js';
import { createModerationService, type ModerationService } from './service.js';

declare module '../core/module.js' {
  interface Services {
    moderation: ModerationService;
  }
}

/** Started services, for a `stop()` called without its context. */
const running = new Set<ModerationService>();

/** Mutes, bans, chat settings and the moderation log. */
export const moderationModule: RelayModule = {
  name: 'moderation',
  init(ctx) {
    ctx.services.provide('moderation', createModerationService(ctx));
  },
  http(router, ctx) {
    mountModerationRoutes(router, () => ctx.services.get('moderation'));
  },
  async start(ctx) {
    const service = ctx.services.get('moderation');
    running.add(service);
    await service.restoreTimers();
  },
  stop(ctx) {
    const stopping = ctx ? [ctx.services.get('moderation')] : [...running];
    for (const service of stopping) {
      service.close();
      running.delete(service);
    }
  },
};
