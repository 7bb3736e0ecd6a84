import { rooms } from '../../../protocol/rooms.js';
import type { Notifier, Presence } from '../core/ports.js';
import { JOIN_CACHE_TTL_MS } from '../sessions/join-cache.js';
import { markedCache } from '../sessions/marked-cache.js';
import type { Repositories } from '../storage/types.js';
import type { RelayIo } from './on-event.js';
import { createRoomTally, type RoomTally } from './room-tally.js';

type Actors = Array<{ userId: string } | null>;

/**
 * Presence of a session's Socket.io room. Viewers are the room's sockets minus the host's and
 * guests': anonymous sockets count one each, signed-in viewers one per user.
 *
 * While this node is the only one (no Redis adapter, or no other node subscribed) the answer comes
 * from a tally the adapter's join/leave events keep up to date: O(1) per join instead of a room scan
 * per call, which a join storm made quadratic. With other nodes up it asks all of them with
 * fetchSockets().
 */
export function createPresence(io: RelayIo, repos: Pick<Repositories, 'sessions' | 'participants'>, notifier: Pick<Notifier, 'changeMark'>): Presence {
  const local = createRoomTally(io);
  // Seats change only with a participants:update broadcast, which moves the mark.
  const performers = markedCache({ ttlMs: JOIN_CACHE_TTL_MS, mark: (id) => notifier.changeMark(id), sessionOf: (id: string) => id }, readPerformers);

  /** The signed-in user ids of the room's sockets (null = anonymous), or null when this node's tally answers. */
  async function remoteActors(sessionId: string): Promise<Actors | null> {
    if ((await io.of('/').adapter.serverCount()) <= 1) return null;
    const sockets = await io.in(rooms.session(sessionId)).fetchSockets();
    return sockets.map((s) => s.data.actor);
  }

  /** Host and guests: present, they are performers rather than viewers. Read only when someone signed in is there. */
  async function readPerformers(sessionId: string): Promise<Set<string>> {
    const [session, seated] = await Promise.all([repos.sessions.findById(sessionId), repos.participants.list(sessionId, ['host', 'guest'])]);
    const ids = new Set(seated.map((p) => p.userId));
    if (session) ids.add(session.hostId);
    return ids;
  }

  async function countLocal(tally: RoomTally | undefined, sessionId: string): Promise<number> {
    if (!tally) return 0;
    if (tally.users.size === 0) return tally.anonymous;
    // Walk the few performers, not the many signed-in viewers: this runs on every join.
    let performing = 0;
    for (const userId of await performers(sessionId)) if (tally.users.has(userId)) performing++;
    return tally.anonymous + tally.users.size - performing;
  }

  async function countActors(actors: Actors, sessionId: string): Promise<number> {
    if (actors.length === 0) return 0;
    const notViewers = await performers(sessionId);
    let anonymous = 0;
    const viewers = new Set<string>();
    for (const actor of actors) {
      if (!actor) anonymous++;
      else if (!notViewers.has(actor.userId)) viewers.add(actor.userId);
    }
    return anonymous + viewers.size;
  }

  return {
    async connectedUserIds(sessionId) {
      const actors = await remoteActors(sessionId);
      if (!actors) return new Set(local.of(sessionId)?.users.keys());
      return new Set(actors.flatMap((a) => (a ? [a.userId] : [])));
    },

    async isConnected(sessionId, userId) {
      const actors = await remoteActors(sessionId);
      if (!actors) return local.of(sessionId)?.users.has(userId) ?? false;
      return actors.some((a) => a?.userId === userId);
    },

    async anonymousFrom(sessionId, address) {
      if ((await io.of('/').adapter.serverCount()) <= 1) return local.of(sessionId)?.anonymousByAddress.get(address) ?? 0;
      const sockets = await io.in(rooms.session(sessionId)).fetchSockets();
      return sockets.filter((s) => !s.data.actor && s.data.address === address).length;
    },

    /**
     * The newest anonymous socket of the address holding the most anonymous seats goes: a raid from
     * one machine yields before a household or a long-standing watcher does.
     */
    async yieldAnonymousSeat(sessionId) {
      const anonymous = (await io.in(rooms.session(sessionId)).fetchSockets()).filter((s) => !s.data.actor);
      if (anonymous.length === 0) return false;
      const perAddress = new Map<string, number>();
      for (const s of anonymous) perAddress.set(s.data.address, (perAddress.get(s.data.address) ?? 0) + 1);
      const busiest = [...perAddress.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
      const victim = anonymous.filter((s) => s.data.address === busiest).sort((a, b) => b.handshake.issued - a.handshake.issued)[0];
      if (!victim) return false;
      victim.leave(rooms.session(sessionId));
      victim.disconnect(true);
      return true;
    },

    async viewerPaths(sessionId) {
      // fetchSockets reaches every node (Redis adapter) and reads each socket's reported path; it runs
      // once per coalesced broadcast, not per viewer.
      const sockets = await io.in(rooms.session(sessionId)).fetchSockets();
      const seen = { webrtc: new Set<string>(), hls: new Set<string>() };
      for (const socket of sockets) {
        const path = socket.data.paths?.[sessionId];
        if (path) seen[path].add(socket.data.actor?.userId ?? `socket:${socket.id}`);
      }
      return { webrtc: seen.webrtc.size, hls: seen.hls.size };
    },

    async viewerCount(sessionId) {
      const actors = await remoteActors(sessionId);
      return actors ? countActors(actors, sessionId) : countLocal(local.of(sessionId), sessionId);
    },
  };
}
