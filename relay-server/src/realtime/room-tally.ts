import { rooms } from '../../../protocol/rooms.js';
import type { RelayIo } from './on-event.js';

/** Who this node has in one session room: anonymous sockets, and sockets per signed-in user. */
export interface RoomTally {
  anonymous: number;
  /** Anonymous sockets per client address (MAX_ANONYMOUS_VIEWERS_PER_ADDRESS). */
  anonymousByAddress: Map<string, number>;
  /** userId → how many of the user's sockets are in the room (never 0: the entry goes instead). */
  users: Map<string, number>;
  /** socket id → its user id (null when anonymous), to undo exactly what a join added. */
  members: Map<string, string | null>;
  /** socket id → client address of the anonymous members. */
  addresses: Map<string, string>;
}

const SESSION_ROOM_PREFIX = rooms.session('');

/**
 * Keeps a tally of every session room of this node from the adapter's `join-room` / `leave-room`
 * events, which fire for every way a socket enters or leaves a room (join, leave, socketsLeave,
 * disconnect). The actor is read once, at join: a socket's actor is fixed at its handshake.
 */
export function createRoomTally(io: RelayIo): { of(sessionId: string): RoomTally | undefined } {
  const tallies = new Map<string, RoomTally>();
  const adapter = io.of('/').adapter;

  adapter.on('join-room', (room: string, socketId: string) => {
    if (!room.startsWith(SESSION_ROOM_PREFIX)) return;
    let tally = tallies.get(room);
    if (!tally) {
      tally = { anonymous: 0, anonymousByAddress: new Map(), users: new Map(), members: new Map(), addresses: new Map() };
      tallies.set(room, tally);
    }
    if (tally.members.has(socketId)) return;
    const data = io.of('/').sockets.get(socketId)?.data;
    const userId = data?.actor?.userId ?? null;
    tally.members.set(socketId, userId);
    if (userId === null) {
      tally.anonymous++;
      const address = data?.address ?? 'unknown';
      tally.addresses.set(socketId, address);
      tally.anonymousByAddress.set(address, (tally.anonymousByAddress.get(address) ?? 0) + 1);
    } else tally.users.set(userId, (tally.users.get(userId) ?? 0) + 1);
  });

  adapter.on('leave-room', (room: string, socketId: string) => {
    const tally = tallies.get(room);
    if (!tally || !tally.members.has(socketId)) return;
    const userId = tally.members.get(socketId) ?? null;
    tally.members.delete(socketId);
    if (userId === null) {
      tally.anonymous--;
      const address = tally.addresses.get(socketId) ?? 'unknown';
      tally.addresses.delete(socketId);
      const left = (tally.anonymousByAddress.get(address) ?? 1) - 1;
      if (left > 0) tally.anonymousByAddress.set(address, left);
      else tally.anonymousByAddress.delete(address);
    } else {
      const left = (tally.users.get(userId) ?? 1) - 1;
      if (left > 0) tally.users.set(userId, left);
      else tally.users.delete(userId);
    }
    if (tally.members.size === 0) tallies.delete(room);
  });

  return { of: (sessionId) => tallies.get(rooms.session(sessionId)) };
}
