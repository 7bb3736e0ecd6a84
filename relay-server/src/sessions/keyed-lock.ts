import { KeyedLock } from '../core/keyed-lock.js';

/**
 * Shared by every module of one process: seats of a session change under `seats:<sessionId>`, a
 * host's one open session under `host:<userId>`. With several relay nodes a race across nodes
 * remains possible; one node is safe.
 */
export const sessionLocks = new KeyedLock();
export const seatsKey = (sessionId: string) => `seats:${sessionId}`;
export const hostKey = (userId: string) => `host:${userId}`;
/** Viewer seats (MAX_LIVE_VIEWERS) of a session: checked and taken under `viewers:<sessionId>`. */
export const viewersKey = (sessionId: string) => `viewers:${sessionId}`;
