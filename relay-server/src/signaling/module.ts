import type { RelayModule } from '../core/module.js';
import { defaultMediaConfig } from '../media/config.js';
import { createSignalBudget, type SignalBudget } from './budget.js';
import { createSignalingService, type SignalingService } from './service.js';
import { registerSignalEvents } from './socket.js';

declare module '../core/module.js' {
  interface Services {
    signaling: SignalingService;
  }
}

/** One budget per relay instance (tests run several in one process). */
const budgets = new WeakMap<object, SignalBudget>();

export const signalingModule: RelayModule = {
  name: 'signaling',
  init(ctx) {
    budgets.set(ctx, createSignalBudget(ctx.clock));
    ctx.services.provide('signaling', createSignalingService({
      storage: ctx.storage,
      presence: ctx.presence,
      media: ctx.config.media ?? defaultMediaConfig,
    }));
  },
  socket(socket, ctx) {
    const budget = budgets.get(ctx);
    if (budget) registerSignalEvents(socket, ctx, budget);
  },
  disconnect(socket, ctx) {
    budgets.get(ctx)?.forget(socket.id);
  },
};
