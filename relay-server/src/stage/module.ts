import type { RelayModule } from '../core/module.js';
import { createStageService, type StageService } from './service.js';
import { registerStageEvents } from './socket.js';

declare module '../core/module.js' {
  interface Services {
    stage: StageService;
  }
}

/** How often the stage of ended sessions is forgotten. */
const SWEEP_EVERY_MS = 5 * 60_000;
/** On-air announcements and the backstage chat between the host and the guests. */
export const stageModule: RelayModule = {
  name: 'stage',
  create(ctx) {
    const stage = createStageService({ storage: ctx.storage, notifier: ctx.notifier, clock: ctx.clock });
    ctx.services.provide('stage', stage);
    let sweeper: NodeJS.Timeout | undefined;
    return {
      socket: (socket, checkActor) => registerStageEvents(socket, checkActor, () => stage),
      start() {
        sweeper = setInterval(() => void stage.sweep().catch((err: unknown) => ctx.logger.warn({ err }, 'stage sweep failed')), SWEEP_EVERY_MS);
        sweeper.unref();
      },
      close() {
        clearInterval(sweeper);
        sweeper = undefined;
      },
    };
  },
};
