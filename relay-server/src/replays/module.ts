import type { RelayModule } from '../core/module.js';
import { onEvent } from '../realtime/on-event.js';
import { replaysConfigFrom } from './config.js';
import { createRecorder } from './recorder.js';
import { mountReplayRoutes } from './routes.js';
import { createReplaysService, type ReplaysService } from './service.js';

declare module '../core/module.js' {
  interface Services {
    /** Recordings of lives and their replays. */
    replays: ReplaysService;
  }
}

/** How often recorded lives are followed and ended ones turned into replays. */
const SYNC_INTERVAL_MS = 1_000;
/** How often replays past REPLAY_RETENTION_DAYS are deleted. */
const CLEANUP_INTERVAL_MS = 3600_000;

export const replaysModule: RelayModule = {
  name: 'replays',
  create(ctx) {
    const config = ctx.config.replays ?? replaysConfigFrom({ REPLAY_RETENTION_DAYS: 30 }, ctx.config.dataDir);
    const recorder = createRecorder({
      repos: ctx.storage,
      mediaDir: config.mediaDir,
      hls: () => ctx.services.get('hls'),
      media: () => ctx.services.get('media'),
      ffmpeg: () => (ctx.services.get('hls').available ? ctx.services.get('ffmpeg').path : null),
      clock: ctx.clock,
      logger: ctx.logger,
    });
    const replays = createReplaysService({
      repos: ctx.storage,
      config,
      recorder,
      present: (record) => ctx.services.get('sessions').present.session(record),
      clock: ctx.clock,
      logger: ctx.logger,
    });
    ctx.services.provide('replays', replays);
    const timers: NodeJS.Timeout[] = [];
    let unsubscribe: (() => void) | undefined;
    let syncing = false;
    return {
      http: (router) => mountReplayRoutes(router, () => replays),
      socket(socket, checkActor) {
        onEvent(socket, 'live:scene', checkActor, async ({ sessionId, title }, { actor }) => {
          await replays.sceneOnProgram(actor, sessionId, title);
          return {};
        });
      },
      start() {
        unsubscribe = ctx.services.get('hls').onSegment(recorder.onSegment);
        const sync = () => {
          if (syncing) return;
          syncing = true;
          recorder.sync().catch((err: unknown) => ctx.logger.warn({ err }, 'recording sync failed')).finally(() => (syncing = false));
        };
        const cleanUp = () => void replays.cleanUp(ctx.clock()).catch((err: unknown) => ctx.logger.warn({ err }, 'replay clean-up failed'));
        timers.push(setInterval(sync, SYNC_INTERVAL_MS), setInterval(cleanUp, CLEANUP_INTERVAL_MS));
        for (const timer of timers) timer.unref();
        cleanUp();
      },
      async close() {
        for (const timer of timers) clearInterval(timer);
        timers.length = 0;
        unsubscribe?.();
        await recorder.close();
      },
    };
  },
};
