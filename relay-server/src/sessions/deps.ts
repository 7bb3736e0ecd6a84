import type { RelayConfig } from '../config.js';
import type { Clock, Notifier, Presence } from '../core/ports.js';
import type { SessionRecord, Storage } from '../storage/types.js';
import type { Role } from '../../../protocol/sessions.js';

/** What the sessions domain needs from the outside world; tests pass real storage and a controllable clock. */
export interface SessionDeps {
  storage: Storage;
  notifier: Notifier;
  presence: Presence;
  clock: Clock;
  config: Pick<RelayConfig, 'maxLiveParticipants' | 'maxLiveViewers' | 'iceServers' | 'turn' | 'liveSessionTimeoutMs'>;
  /** Someone lost their place in a session (removed): ends the media the relay forwards to them. */
  endMediaOf?: (sessionId: string, userId: string) => void;
  /** A session went live: followers are told (the call only schedules that; going live never waits for it). */
  wentLive?: (session: SessionRecord) => void;
  /** A live has just ended, its viewers still in the room (analytics writes its last bucket); never throws. */
  liveEnded?: (session: SessionRecord) => Promise<void>;
}

/** Roles that take a seat on stage: `maxParticipants` counts these. */
export const SEATED_ROLES: readonly Role[] = ['host', 'guest'];
export const ALL_ROLES: readonly Role[] = ['host', 'moderator', 'guest', 'viewer'];
