import type { ServerEventName, ServerPayload } from '../../../protocol/events.js';

/**
 * What domain services may ask of the real-time layer, without knowing it is Socket.io.
 * With the Redis adapter every call reaches all relay nodes.
 */
export interface Notifier {
  toSession<E extends ServerEventName>(sessionId: string, event: E, payload: ServerPayload<E>): void;
  toUser<E extends ServerEventName>(userId: string, event: E, payload: ServerPayload<E>): void;
  /** Takes the user's sockets out of the session's room (kick, ban, removal). */
  removeFromSession(sessionId: string, userId: string): Promise<void>;
  /** Takes every socket out of the session's room (session ended). */
  closeSession(sessionId: string): Promise<void>;
  /** Disconnects every socket of the user (logout). */
  disconnectUser(userId: string): Promise<void>;
}

/** Who is connected to a session's room right now, across all relay nodes. */
export interface Presence {
  /** Sockets in the room that are not the host's or a guest's; one per signed-in viewer. */
  viewerCount(sessionId: string): Promise<number>;
  connectedUserIds(sessionId: string): Promise<Set<string>>;
}

export type Clock = () => Date;
