import type { Router } from 'express';
import { routes } from '../../../protocol/routes.js';
import { mount } from '../http/mount.js';
import type { ModuleContext } from '../core/module.js';
import type { SessionsService } from './service.js';

/** Thin HTTP adapter over SessionsService. `/sessions/current` is mounted before `/sessions/:id`. */
export function mountSessionRoutes(router: Router, ctx: ModuleContext): void {
  const sessions = (): SessionsService => ctx.services.get('sessions');

  mount(router, routes.createSession, async ({ actor, body }) => ({ session: await sessions().create(actor, body) }));
  mount(router, routes.listSessions, async () => ({ sessions: await sessions().listPublic() }));
  mount(router, routes.currentSession, async ({ actor }) => ({ session: await sessions().current(actor) }));
  mount(router, routes.getSession, async ({ actor, params }) => ({ session: await sessions().get(params.id, actor) }));
  mount(router, routes.startSession, async ({ actor, params }) => ({ session: await sessions().start(params.id, actor) }));
  mount(router, routes.endSession, async ({ actor, params }) => ({ session: await sessions().end(params.id, actor) }));
  mount(router, routes.joinSession, async ({ actor, params }) => {
    const participant = await sessions().join(params.id, actor);
    return { participant, iceServers: sessions().iceServersOf(participant.userId) };
  });
  mount(router, routes.leaveSession, async ({ actor, params }) => {
    await sessions().leave(params.id, actor);
    return undefined;
  });
  mount(router, routes.listParticipants, async ({ actor, params, query }) => {
    const includeViewers = query.includeViewers === '1' || query.includeViewers === 'true';
    return { participants: await sessions().participants(params.id, actor, includeViewers) };
  });
  mount(router, routes.updateParticipant, async ({ actor, params, body }) => ({
    participant: await sessions().updateParticipant(params.id, params.userId, actor, body),
  }));
  mount(router, routes.removeParticipant, async ({ actor, params }) => {
    await sessions().removeParticipant(params.id, params.userId, actor);
    return undefined;
  });
  mount(router, routes.sessionStats, async ({ actor, params }) => sessions().stats(params.id, actor));
  mount(router, routes.putThumbnail, async ({ actor, params, body }) => {
    await sessions().thumbnails.put(params.id, actor, body.image);
    return undefined;
  });
  mount(router, routes.getThumbnail, async ({ actor, params }) => sessions().thumbnails.get(params.id, actor));
  mount(router, routes.iceServers, async ({ actor, params }) => ({ iceServers: await sessions().iceServers(params.id, actor) }));
}
