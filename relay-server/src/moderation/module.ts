import type { RelayModule } from '../core/module.js';
import { mountModerationRoutes } from './routes.js';
import { createModerationService, type ModerationService } from './service.js';

declare module '../core/module.js' {
  interface Services {
    moderation: ModerationService;
  }
}

/** Mutes, bans, chat settings and the moderation log. */
export const moderationModule: RelayModule = {
  name: 'moderation',
  create(ctx) {
    const moderation = createModerationService(ctx);
    ctx.services.provide('moderation', moderation);
    return {
      http: (router) => mountModerationRoutes(router, () => moderation),
      start: () => moderation.restoreTimers(),
      close: () => moderation.close(),
    };
  },
};
