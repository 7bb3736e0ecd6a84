import { rooms } from '../../../protocol/rooms.js';
import type { Presence } from '../core/ports.js';
import type { Repositories } from '../storage/types.js';
import type { RelayIo } from './on-event.js';

/**
 * Presence read from the session's Socket.io room with fetchSockets(), which asks every node when the
 * Redis adapter is on. Viewers are the room's sockets minus the host's and guests': anonymous
 * sockets count one each, signed-in viewers one per user.
 */
export function createPresence(io: RelayIo, repos: Pick<Repositories, 'sessions' | 'participants'>): Presence {
  const actorsInRoom = async (sessionId: string) => {
    const sockets = await io.in(rooms.session(sessionId)).fetchSockets();
    return sockets.map((s) => s.data.actor);
  };

  return {
    async connectedUserIds(sessionId) {
      const actors = await actorsInRoom(sessionId);
      return new Set(actors.flatMap((a) => (a ? [a.userId] : [])));
    },

    async viewerCount(sessionId) {
      const actors = await actorsInRoom(sessionId);
      if (actors.length === 0) return 0;
      const [session, performers] = await Promise.all([
        repos.sessions.findById(sessionId),
        repos.participants.list(sessionId, ['host', 'guest']),
      ]);
      const notViewers = new Set(performers.map((p) => p.userId));
      if (session) notViewers.add(session.hostId);
      let anonymous = 0;
      const viewers = new Set<string>();
      for (const actor of actors) {
        if (!actor) anonymous++;
        else if (!notViewers.has(actor.userId)) viewers.add(actor.userId);
      }
      return anonymous + viewers.size;
    },
  };
}
