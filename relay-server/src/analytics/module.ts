import type { RelayModule } from '../core/module.js';
import { mountAnalyticsRoutes } from './routes.js';
import { createSampler } from './sampler.js';
import { createAnalyticsService, type AnalyticsService } from './service.js';

declare module '../core/module.js' {
  interface Services {
    /** Live analytics: `liveEnded` writes a live's last bucket (sessions call it as the live ends). */
    analytics: AnalyticsService;
  }
}

/** How often a node looks for lives whose 10 s bucket has closed. */
const TICK_MS = 1_000;

/** Live analytics: every live sampled in 10 s buckets by whichever node claims each, read by its host. */
export const analyticsModule: RelayModule = {
  name: 'analytics',
  create(ctx) {
    const sampler = createSampler({
      storage: ctx.storage,
      presence: ctx.presence,
      clock: ctx.clock,
      // Viewers per path as their pages report it (viewer-paths module), when that module is in the relay.
      viewerPaths: () => (ctx.services.has('viewerPaths') ? (sessionId) => ctx.services.get('viewerPaths').counts(sessionId) : null),
    });
    const analytics = createAnalyticsService({ storage: ctx.storage, clock: ctx.clock, sampler, logger: ctx.logger });
    ctx.services.provide('analytics', analytics);
    let timer: NodeJS.Timeout | undefined;
    return {
      http: (router) => mountAnalyticsRoutes(router, analytics),
      start() {
        timer = setInterval(() => {
          analytics.tick().catch((err: unknown) => ctx.logger.warn({ err }, 'analytics tick failed'));
        }, TICK_MS);
        timer.unref();
      },
      async close() {
        clearInterval(timer);
        timer = undefined;
        // A tick in flight finishes before storage closes.
        await analytics.idle();
      },
    };
  },
};
