import type { RelayModule } from '../core/module.js';
import { defaultDestinationsConfig } from './config.js';
import { createLivePushes } from './pushes.js';
import { mountDestinationRoutes } from './routes.js';
import type { DestinationsService } from './service.js';
import { createDestinationStore } from './store.js';

declare module '../core/module.js' {
  interface Services {
    destinations: DestinationsService;
  }
}

/** How often new lives are looked for and ended ones stopped. */
const SYNC_INTERVAL_MS = 1_000;

export const destinationsModule: RelayModule = {
  name: 'destinations',
  create(ctx) {
    const config = ctx.config.destinations ?? defaultDestinationsConfig;
    ctx.services.get('ffmpeg').need('multistreaming');
    const store = createDestinationStore({ repos: ctx.storage, clock: ctx.clock, keySecret: config.keySecret });
    const ffmpegPath = () => ctx.services.get('ffmpeg').path;
    const pushes = createLivePushes({
      repos: ctx.storage,
      store,
      publishingSessions: () => ctx.services.get('media').publishingSessions(),
      tapSource: (sessionId) => ctx.services.get('media').tapSource(sessionId),
      ffmpegPath,
      announce: (hostId, reply) => ctx.notifier.toUser(hostId, 'destinations:state', reply),
      log: (sessionId, destinationId, reason) => ctx.logger.warn({ sessionId, destinationId, reason }, 'destination push stopped; retrying'),
      backoffMs: config.retryBackoffMs,
    });
    const service: DestinationsService = { store, pushes, canPush: () => ffmpegPath() !== null };
    ctx.services.provide('destinations', service);
    let timer: NodeJS.Timeout | undefined;
    return {
      http: (router) => mountDestinationRoutes(router, () => service),
      start() {
        if (!config.keySecret) ctx.logger.warn('DESTINATION_KEY_SECRET is not set: hosts cannot add destinations (streaming to other platforms is off)');
        timer = setInterval(() => {
          pushes.sync().catch((err: unknown) => ctx.logger.warn({ err }, 'destinations sync failed'));
        }, SYNC_INTERVAL_MS);
        timer.unref();
      },
      close() {
        clearInterval(timer);
        timer = undefined;
        pushes.stopAll();
      },
    };
  },
};
