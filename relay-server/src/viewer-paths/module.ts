import { rooms } from '../../../protocol/rooms.js';
import type { RelayModule } from '../core/module.js';
import { fail } from '../core/errors.js';
import { onEvent } from '../realtime/on-event.js';
import { createViewerPathsService, type ViewerPathsService } from './service.js';

declare module '../core/module.js' {
  interface Services {
    /** Viewers per delivery path (WebRTC / LL-HLS) of a live, across nodes; read by the studio and analytics. */
    viewerPaths: ViewerPathsService;
  }
}

/**
 * `viewer:transport` (a viewer page says which path it plays on) and `viewers:paths` (the host asks for
 * the counts; later changes arrive as `viewers:paths` events to the host's sockets).
 */
export const viewerPathsModule: RelayModule = {
  name: 'viewer-paths',
  create(ctx) {
    const service = createViewerPathsService({ presence: ctx.presence, notifier: ctx.notifier, repos: ctx.storage, logger: ctx.logger });
    ctx.services.provide('viewerPaths', service);
    return {
      socket(socket, checkActor) {
        onEvent(socket, 'viewer:transport', checkActor, async ({ sessionId, transport }) => {
          // Only a socket that joined the room (and so passed its access checks) counts as a viewer.
          if (!socket.rooms.has(rooms.session(sessionId))) throw fail.notFound('Session');
          service.record(socket.data.paths, sessionId, transport);
          return {};
        });
        onEvent(socket, 'viewers:paths', checkActor, async ({ sessionId }, { actor }) => {
          if (!actor) throw fail.unauthorized();
          const session = await ctx.storage.sessions.findById(sessionId);
          if (!session) throw fail.notFound('Session');
          if (session.hostId !== actor.userId) throw fail.notHost();
          return { paths: await service.counts(sessionId) };
        });
      },
      disconnect(socket) {
        for (const sessionId of Object.keys(socket.data.paths)) service.changed(sessionId);
      },
      close() {
        service.stop();
      },
    };
  },
};
