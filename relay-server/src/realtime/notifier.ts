import { rooms } from '../../../protocol/rooms.js';
import type { Notifier } from '../core/ports.js';
import type { ServerEventName, ServerPayload } from '../../../protocol/events.js';
import type { RelayIo } from './on-event.js';

type Emit = <E extends ServerEventName>(event: E, payload: ServerPayload<E>) => unknown;

/**
 * Socket.io's emit types cannot resolve a payload through a generic event name; this view of emit
 * states the same contract (ServerToClientEvents maps each E to (payload: ServerPayload<E>) => void).
 */
function emitTo(io: RelayIo, room: string | string[]): Emit {
  const target = io.to(room);
  return target.emit.bind(target) as Emit;
}

/** Events that change nothing a joining socket is sent (the count is live, never cached). */
const UNMARKED: ReadonlySet<ServerEventName> = new Set<ServerEventName>(['viewers:count']);

/**
 * How long a session's change mark is kept after its last change. Far longer than any cache keyed by
 * marks lives (JOIN_CACHE_TTL_MS, 250 ms): once a mark is forgotten, changeMark answers 0, and every
 * cache entry made under 0 (before the session's first change) or under the forgotten mark has long
 * expired or no longer matches, so forgetting can never revive a stale entry.
 */
export const MARK_KEEP_MS = 60_000;

/**
 * Notifier over Socket.io rooms. Uses only room-wide operations (emit, socketsLeave,
 * disconnectSockets) so that it reaches every node through the Redis adapter.
 * `singleNode`: no other relay node shares the rooms, so this node's change marks are the whole story.
 */
export function createNotifier(
  io: RelayIo,
  options: { singleNode: boolean; now?: () => number } = { singleNode: false },
): Notifier & { trackedSessions(): number } {
  const now = options.now ?? Date.now;
  // One counter for all sessions: a mark is never reused, even for a session whose entry was replaced.
  let lastMark = 0;
  const marks = new Map<string, { mark: number; at: number }>();
  let lastSweep = now();
  const changed = (sessionId: string) => {
    const at = now();
    marks.set(sessionId, { mark: ++lastMark, at });
    // Sessions end and are never heard of again: forget quiet ones so the map does not grow for ever.
    if (at - lastSweep < MARK_KEEP_MS) return;
    lastSweep = at;
    for (const [id, entry] of marks) if (at - entry.at >= MARK_KEEP_MS) marks.delete(id);
  };

  return {
    toSession(sessionId, event, payload) {
      if (!UNMARKED.has(event)) changed(sessionId);
      emitTo(io, rooms.session(sessionId))(event, payload);
    },
    toUser(userId, event, payload) {
      emitTo(io, rooms.user(userId))(event, payload);
    },
    toUsers(userIds, event, payload) {
      if (userIds.length > 0) emitTo(io, userIds.map(rooms.user))(event, payload);
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
      return options.singleNode ? (marks.get(sessionId)?.mark ?? 0) : null;
    },
    trackedSessions: () => marks.size,
  };
}
