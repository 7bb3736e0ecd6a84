import type { ViewerPaths } from '../../../protocol/hls.js';
import type { ServerEventName, ServerPayload } from '../../../protocol/events.js';

/**
 * What domain services may ask of the real-time layer, without knowing it is Socket.io.
 * With the Redis adapter every call reaches all relay nodes.
 */
export interface Notifier {
  toSession<E extends ServerEventName>(sessionId: string, event: E, payload: ServerPayload<E>): void;
  toUser<E extends ServerEventName>(userId: string, event: E, payload: ServerPayload<E>): void;
  /** One broadcast to many people's rooms (a notification fan-out batch). */
  toUsers<E extends ServerEventName>(userIds: string[], event: E, payload: ServerPayload<E>): void;
  /** Takes the user's sockets out of the session's room (kick, ban, removal). */
  removeFromSession(sessionId: string, userId: string): Promise<void>;
  /** Takes every socket out of the session's room (session ended). */
  closeSession(sessionId: string): Promise<void>;
  /** Disconnects every socket of the user (logout). */
  disconnectUser(userId: string): Promise<void>;
  /**
   * A number that changes whenever this node tells the session's room something (viewer counts
   * aside) or empties it: an answer read under one mark may be reused while the mark stays the same.
   * Null when other relay nodes may change the room too (no mark can be trusted then).
   */
  changeMark(sessionId: string): number | null;
}

/** Who is connected to a session's room right now, across all relay nodes. */
export interface Presence {
  /** Sockets in the room that are not the host's or a guest's; one per signed-in viewer. */
  viewerCount(sessionId: string): Promise<number>;
  connectedUserIds(sessionId: string): Promise<Set<string>>;
  /** Whether `userId` has a socket in the session's room: cheaper than connectedUserIds for one user. */
  isConnected(sessionId: string, userId: string): Promise<boolean>;
  /** Anonymous sockets in the room from this client address. */
  anonymousFrom(sessionId: string, address: string): Promise<number>;
  /**
   * Frees one viewer seat held by an anonymous socket (disconnects it), for someone signed in who
   * would otherwise be refused; false when no anonymous socket is in the room.
   */
  yieldAnonymousSeat(sessionId: string): Promise<boolean>;
  /** Viewers in the room per path they reported (`viewer:transport`): one per signed-in user, one per anonymous socket. */
  viewerPaths(sessionId: string): Promise<ViewerPaths>;
}

export type Clock = () => Date;
