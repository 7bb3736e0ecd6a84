import type { RelayModule } from '../core/module.js';
import { defaultMediaConfig } from '../media/config.js';
import { createSignalBudget } from './budget.js';
import { createSignalingService, type SignalingService } from './service.js';
import { registerSignalEvents } from './socket.js';

declare module '../core/module.js' {
  interface Services {
    signaling: SignalingService;
  }
}

export const signalingModule: RelayModule = {
  name: 'signaling',
  create(ctx) {
    const signaling = createSignalingService({
      storage: ctx.storage,
      presence: ctx.presence,
      media: ctx.config.media ?? defaultMediaConfig,
    });
    ctx.services.provide('signaling', signaling);
    const budget = createSignalBudget(ctx.clock);
    return {
      socket: (socket, checkActor) => registerSignalEvents(socket, checkActor, () => signaling, budget),
      disconnect: (socket) => budget.forget(socket.id),
    };
  },
};
