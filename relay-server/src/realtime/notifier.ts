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

/**
 * Notifier over Socket.io rooms. Uses only room-wide operations (emit, socketsLeave,
 * disconnectSockets) so that it reaches every node through the Redis adapter.
 */
export function createNotifier(io: RelayIo): Notifier {
  return {
    toSession(sessionId, event, payload) {
      emitTo(io, rooms.session(sessionId))(event, payload);
    },
    toUser(userId, event, payload) {
      emitTo(io, rooms.user(userId))(event, payload);
    },
    async removeFromSession(sessionId, userId) {
      io.in(rooms.user(userId)).socketsLeave(rooms.session(sessionId));
    },
    async closeSession(sessionId) {
      io.in(rooms.session(sessionId)).socketsLeave(rooms.session(sessionId));
    },
    async disconnectUser(userId) {
      io.in(rooms.user(userId)).disconnectSockets(true);
    },
  };
}
