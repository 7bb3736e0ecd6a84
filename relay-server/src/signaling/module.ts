import type { RelayModule } from '../core/module.js';
import { createSignalingService, type SignalingService } from './service.js';
import { registerSignalEvents } from './socket.js';

declare module '../core/module.js' {
  interface Services {
    signaling: SignalingService;
  }
}

export const signalingModule: RelayModule = {
  name: 'signaling',
  init(ctx) {
    ctx.services.provide('signaling', createSignalingService({ storage: ctx.storage, presence: ctx.presence }));
  },
  socket: registerSignalEvents,
};
