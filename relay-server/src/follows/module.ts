import type { RelayModule } from '../core/module.js';
import { mountFollowRoutes } from './routes.js';
import { createFollowsService, type FollowsService } from './service.js';

declare module '../core/module.js' {
  interface Services {
    /** Follows and profiles; `onNewFollower` lets notifications and analytics hear of new followers. */
    follows: FollowsService;
  }
}

/** Follows, profiles and avatars. */
export const followsModule: RelayModule = {
  name: 'follows',
  create(ctx) {
    const follows = createFollowsService(ctx);
    ctx.services.provide('follows', follows);
    return { http: (router) => mountFollowRoutes(router, () => follows) };
  },
};
