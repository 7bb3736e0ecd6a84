import { rooms } from '../../../protocol/rooms.js';
import type { Notifier } from '../core/ports.js';
import type { ServerEventName, ServerPayload } from '../../../protocol/events.js';
import type { RelayIo } from './on-event.js';

type Emit = <E extends ServerEventName>(event: E, payload: ServerPayload<E>) => unknown;

/**
 * Socket.io's emit types cannot resolve a payload through a generic event name; this view of emit
 * states the same contract (ServerToClientEvents maps each E to (payload: ServerPayload<E>) => void).
 */
function emitTo(io: RelayIo, room: string): Emit {
  const target = io.to(room);
  return target.emit.bind(target) as Emit;
}

/** Events that change nothing a joining socket is sent (the count is live, never cached). */
const UNMARKED: ReadonlySet<ServerEventName> = new Set<ServerEventName>(['viewers:count']);

/**
 * Notifier over Socket.io rooms. Uses only room-wide operations (emit, socketsLeave,
 * disconnectSockets) so that it reaches every node through the Redis adapter.
 * `singleNode`: no other relay node shares the rooms, so this node's change marks are the whole story.
 */
export function createNotifier(io: RelayIo, options: { singleNode: boolean } = { singleNode: false }): Notifier {
  // One counter for all sessions: a mark is never reused, even for a session whose entry was replaced.
  let lastMark = 0;
  const marks = new Map<string, number>();
  const changed = (sessionId: string) => marks.set(sessionId, ++lastMark);

  return {
    toSession(sessionId, event, payload) {
      if (!UNMARKED.has(event)) changed(sessionId);
      emitTo(io, rooms.session(sessionId))(event, payload);
    },
    toUser(userId, event, payload) {
      emitTo(io, rooms.user(userId))(event, payload);
    },
    async removeFromSession(sessionId, userId) {
      changed(sessionId);
      io.in(rooms.user(userId)).socketsLeave(rooms.session(sessionId));
    },
    async closeSession(sessionId) {
      changed(sessionId);
      io.in(rooms.session(sessionId)).socketsLeave(rooms.session(sessionId));
    },
    async disconnectUser(userId) {
      io.in(rooms.user(userId)).disconnectSockets(true);
    },
    changeMark(sessionId) {
      return options.singleNode ? (marks.get(sessionId) ?? 0) : null;
    },
  };
}
