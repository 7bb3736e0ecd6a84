import type { RelayModule } from '../core/module.js';
import { mountInvitationRoutes } from './routes.js';
import { createInvitationsService, type InvitationsService } from './service.js';

declare module '../core/module.js' {
  interface Services {
    invitations: InvitationsService;
  }
}

export const invitationsModule: RelayModule = {
  name: 'invitations',
  create(ctx) {
    ctx.services.provide(
      'invitations',
      createInvitationsService({
        storage: ctx.storage,
        notifier: ctx.notifier,
        clock: ctx.clock,
        present: () => ctx.services.get('sessions').present,
        sessions: () => ctx.services.get('sessions'),
      }),
    );
    return { http: (router) => mountInvitationRoutes(router, ctx) };
  },
};
