import type { ModuleContext, RelayModule } from '../core/module.js';
import { createStageService, type StageService } from './service.js';
import { registerStageEvents } from './socket.js';

declare module '../core/module.js' {
  interface Services {
    stage: StageService;
  }
}

/** How often the stage of ended sessions is forgotten. */
const SWEEP_EVERY_MS = 5 * 60_000;
const sweepers = new Map<StageService, NodeJS.Timeout>();

/** On-air announcements and the backstage chat between the host and the guests. */
export const stageModule: RelayModule = {
  name: 'stage',
  init(ctx) {
    ctx.services.provide('stage', createStageService({ storage: ctx.storage, notifier: ctx.notifier, clock: ctx.clock }));
  },
  socket: registerStageEvents,
  start(ctx: ModuleContext) {
    const stage = ctx.services.get('stage');
    const timer = setInterval(() => void stage.sweep().catch((err: unknown) => ctx.logger.warn({ err }, 'stage sweep failed')), SWEEP_EVERY_MS);
    timer.unref();
    sweepers.set(stage, timer);
  },
  stop(ctx) {
    const stopping = ctx ? [ctx.services.get('stage')] : [...sweepers.keys()];
    for (const stage of stopping) {
      clearInterval(sweepers.get(stage));
      sweepers.delete(stage);
    }
  },
};
