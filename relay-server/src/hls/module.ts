import type { RelayModule } from '../core/module.js';
import { defaultHlsConfig } from './config.js';
import { mountHlsHintRoute, mountHlsRoutes } from './routes.js';
import { createHlsService, type HlsService } from './service.js';

declare module '../core/module.js' {
  interface Services {
    /** LL-HLS origin: packagers for public lives on this node and the /hls answers. */
    hls: HlsService;
  }
}

/** How often packagers are started for new lives and stopped for ended ones. */
const SYNC_INTERVAL_MS = 1_000;

export const hlsModule: RelayModule = {
  name: 'hls',
  create(ctx) {
    const config = ctx.config.hls ?? defaultHlsConfig;
    // The ffmpeg module probes ffmpeg at start and logs what it turned off when it is missing.
    if (config.enabled) ctx.services.get('ffmpeg').need('LL-HLS');
    const hls = createHlsService({
      repos: ctx.storage,
      config,
      media: () => ctx.services.get('media'),
      logger: ctx.logger,
      onHealth: (sessionId, health) => ctx.notifier.toSession(sessionId, 'hls:health', { sessionId, health }),
    });
    ctx.services.provide('hls', hls);
    let timer: NodeJS.Timeout | undefined;
    return {
      http: (router) => mountHlsHintRoute(router, { repos: ctx.storage, hls: () => hls, media: () => ctx.services.get('media') }),
      httpRoot: (router) =>
        mountHlsRoutes(router, () => hls, async (id) => (ctx.services.has('replays') ? ctx.services.get('replays').publicReplayUrl(id) : null)),
      start() {
        if (!config.enabled) {
          ctx.logger.info('LL-HLS is off (HLS=off): viewers watch over WebRTC only');
          return;
        }
        const ffmpeg = ctx.services.get('ffmpeg').path;
        if (!ffmpeg) return;
        hls.useFfmpeg(ffmpeg);
        timer = setInterval(() => {
          hls.sync().catch((err: unknown) => ctx.logger.warn({ err }, 'LL-HLS sync failed'));
        }, SYNC_INTERVAL_MS);
        timer.unref();
      },
      close() {
        clearInterval(timer);
        timer = undefined;
        hls.stopAll();
      },
    };
  },
};
