import type { Router } from 'express';
import { routes } from '../../../protocol/routes.js';
import { mount } from '../http/mount.js';
import type { DestinationsService } from './service.js';

/** Thin HTTP adapter: the host's destinations and, while live, their pushes. */
export function mountDestinationRoutes(router: Router, service: () => DestinationsService): void {
  mount(router, routes.listDestinations, async ({ actor }) => {
    const { store, canPush } = service();
    return { destinations: await store.list(actor), canStore: store.canStore, canPush: canPush() };
  });
  mount(router, routes.createDestination, async ({ actor, body }) => ({ destination: await service().store.create(actor, body) }));
  mount(router, routes.updateDestination, async ({ actor, params, body }) => ({ destination: await service().store.update(actor, params.destinationId, body) }));
  mount(router, routes.deleteDestination, async ({ actor, params }) => {
    await service().store.remove(actor, params.destinationId);
    return undefined;
  });
  mount(router, routes.sessionDestinations, async ({ actor, params }) => service().pushes.status(params.id, actor));
  mount(router, routes.startDestination, async ({ actor, params }) => service().pushes.start(params.id, params.destinationId, actor));
  mount(router, routes.stopDestination, async ({ actor, params }) => service().pushes.stop(params.id, params.destinationId, actor));
}
