import { buildPath } from '../../../protocol/http.js';
import { mediaPaths } from '../../../protocol/media.js';
import type { ModuleContext, RelayModule } from '../core/module.js';
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

interface Running {
  forwarder: Forwarder | null;
  directory: PublisherDirectory;
  stun: StunResponder | null;
  sweeper: NodeJS.Timeout | undefined;
}

/** Per relay instance (tests run several relays in one process). */
const running = new Map<ModuleContext, Running>();

export const mediaModule: RelayModule = {
  name: 'media',
  init(ctx) {
    const config = ctx.config.media ?? defaultMediaConfig;
    const state: Running = { forwarder: null, directory: localDirectory, stun: null, sweeper: undefined };
    running.set(ctx, state);
    ctx.services.provide('media', createMediaService({
      repos: ctx.storage,
      config,
      get forwarder() {
        return state.forwarder;
      },
      clock: ctx.clock,
      get directory() {
        return state.directory;
      },
      selfUrl: ctx.config.publicUrl,
      encoderOn: (sessionId) => ctx.services.has('encoders') && ctx.services.get('encoders').hostOf(sessionId) !== undefined,
      embeddedPaths: (id) => ({ whip: buildPath(mediaPaths.whip, { id }), whep: buildPath(mediaPaths.whep, { id }) }),
    }));
  },
  http: mountMediaRoutes,
  async start(ctx) {
    const state = running.get(ctx);
    const config = ctx.config.media ?? defaultMediaConfig;
    if (!state || config.external) return;
    // Several nodes (REDIS_URL) that know their public URL find each other's publishers; see README.
    if (ctx.config.redisUrl && ctx.config.publicUrl) {
      state.directory = await redisDirectory(ctx.config.redisUrl, ctx.config.publicUrl, (err) => ctx.logger.error({ err }, 'media directory redis error'));
    }
    state.stun = new StunResponder();
    const stunPort = await state.stun.listen();
    state.forwarder = new Forwarder({
      additionalHostAddresses: config.hostAddresses,
      connectTimeoutMs: config.connectTimeoutMs,
      maxViewersPerSession: ctx.config.maxLiveViewers,
      maxPending: ctx.config.maxPendingMediaPeers,
      iceServers: [{ urls: `stun:127.0.0.1:${stunPort}` }],
    });
    const media = ctx.services.get('media');
    state.sweeper = setInterval(() => {
      media.sweep().catch((err: unknown) => ctx.logger.warn({ err }, 'media sweep failed'));
    }, SWEEP_INTERVAL_MS);
    state.sweeper.unref();
  },
  async stop(ctx?: ModuleContext) {
    for (const [owner, state] of running) {
      if (ctx && owner !== ctx) continue;
      clearInterval(state.sweeper);
      state.forwarder?.close();
      state.stun?.close();
      await state.directory.close();
      running.delete(owner);
    }
  },
};
