import { buildPath } from '../../../protocol/http.js';
import { mediaPaths } from '../../../protocol/media.js';
import type { RelayModule } from '../core/module.js';
import { defaultMediaConfig } from './config.js';
import { Forwarder } from './forwarder.js';
import { mountMediaRoutes } from './routes.js';
import { createMediaService, type MediaService } from './service.js';
import { localDirectory, redisDirectory, type PublisherDirectory } from './publisher-directory.js';
import { StunResponder } from './stun-responder.js';

declare module '../core/module.js' {
  interface Services {
    /** WHIP/WHEP: the program through the embedded forwarder (or an external media server's URLs). */
    media: MediaService;
  }
}

/** How often ended sessions and banned viewers lose their media. */
const SWEEP_INTERVAL_MS = 5_000;

export const mediaModule: RelayModule = {
  name: 'media',
  create(ctx) {
    const config = ctx.config.media ?? defaultMediaConfig;
    let forwarder: Forwarder | null = null;
    let directory: PublisherDirectory = localDirectory;
    let stun: StunResponder | null = null;
    let sweeper: NodeJS.Timeout | undefined;
    const media = createMediaService({
      repos: ctx.storage,
      config,
      get forwarder() {
        return forwarder;
      },
      clock: ctx.clock,
      get directory() {
        return directory;
      },
      selfUrl: ctx.config.publicUrl,
      encoderOn: (sessionId) => ctx.services.has('encoders') && ctx.services.get('encoders').hostOf(sessionId) !== undefined,
      embeddedPaths: (id) => ({ whip: buildPath(mediaPaths.whip, { id }), whep: buildPath(mediaPaths.whep, { id }) }),
    });
    ctx.services.provide('media', media);
    return {
      http: (router) => mountMediaRoutes(router, ctx),
      async start() {
        if (config.external) return;
        // Several nodes (REDIS_URL) that know their public URL find each other's publishers; see README.
        if (ctx.config.redisUrl && ctx.config.publicUrl) {
          directory = await redisDirectory(ctx.config.redisUrl, ctx.config.publicUrl, (err) => ctx.logger.error({ err }, 'media directory redis error'));
        }
        stun = new StunResponder();
        const stunPort = await stun.listen();
        forwarder = new Forwarder({
          additionalHostAddresses: config.hostAddresses,
          connectTimeoutMs: config.connectTimeoutMs,
          maxViewersPerSession: ctx.config.maxLiveViewers,
          maxPending: ctx.config.maxPendingMediaPeers,
          iceServers: [{ urls: `stun:127.0.0.1:${stunPort}` }],
        });
        sweeper = setInterval(() => {
          media.sweep().catch((err: unknown) => ctx.logger.warn({ err }, 'media sweep failed'));
        }, SWEEP_INTERVAL_MS);
        sweeper.unref();
      },
      async close() {
        clearInterval(sweeper);
        sweeper = undefined;
        forwarder?.close();
        forwarder = null;
        stun?.close();
        stun = null;
        await directory.close();
        directory = localDirectory;
      },
    };
  },
};
