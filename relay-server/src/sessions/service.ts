import type { CreateSessionBody, IceServer, Participant, Session, SessionStats, UpdateParticipantBody } from '../../../protocol/sessions.js';
import type { Actor } from '../core/actor.js';
import { fail } from '../core/errors.js';
import { accessSession, requireActor, requireModerator, requireParticipant } from './access.js';
import { SEATED_ROLES, type SessionDeps } from './deps.js';
import { iceServersFor } from './ice.js';
import { createLifecycle } from './lifecycle.js';
import { createHostAbsence } from './host-absence.js';
import { createMembership } from './membership.js';
import { createPresenter } from './presenter.js';
import { JOIN_CACHE_TTL_MS } from './join-cache.js';
import { markedCache } from './marked-cache.js';
import { createThumbnails } from './thumbnails.js';

/** Most public sessions the directory lists at once. */
const DIRECTORY_LIMIT = 200;
/** The directory stops listing a session once its host has had no socket in the room this long (it stays joinable by link). */
export const DIRECTORY_HOST_GRACE_MS = 60_000;

export type SessionsService = ReturnType<typeof createSessionsService>;

/** The sessions domain: plain TypeScript over Storage, Notifier, Presence and Clock. */
export function createSessionsService(deps: SessionDeps) {
  const { storage, presence, clock, config } = deps;
  const present = createPresenter(deps);
  const lifecycle = createLifecycle(deps, present);
  const membership = createMembership(deps, present);
  const hostAbsence = createHostAbsence(clock);
  const thumbnails = createThumbnails(storage, clock);

  async function get(sessionId: string, actor: Actor | null): Promise<Session> {
    return present.session((await accessSession(storage, sessionId, actor)).session);
  }

  /**
   * Public sessions on air: those whose host is connected first, then most watched, then newest.
   * Sessions whose host has been gone longer than DIRECTORY_HOST_GRACE_MS are left out (ghost lives).
   */
  async function listPublic(): Promise<Session[]> {
    const records = await storage.sessions.listByState(['starting', 'live'], { publicOnly: true, limit: DIRECTORY_LIMIT });
    const listed = await Promise.all(records.map(async (r) => {
      const hostConnected = await presence.isConnected(r.id, r.hostId);
      if (hostAbsence.observe(r.id, hostConnected) > DIRECTORY_HOST_GRACE_MS) return null;
      return present.session(r, hostConnected);
    }));
    return listed
      .filter((s): s is Session => s !== null)
      .sort((a, b) => Number(b.hostConnected) - Number(a.hostConnected) || b.viewerCount - a.viewerCount || b.createdAt.localeCompare(a.createdAt));
  }

  /** The open session the caller hosts, else one they take part in, else null. */
  async function current(actor: Actor | null): Promise<Session | null> {
    const user = requireActor(actor);
    const open = await storage.sessions.listOpenForUser(user.userId);
    const chosen = open.find((s) => s.hostId === user.userId) ?? open[0];
    return chosen ? present.session(chosen) : null;
  }

  /** The stage for anyone who may see the session; with viewers (who watches) for the host and moderators only. */
  async function participants(sessionId: string, actor: Actor | null, includeViewers: boolean): Promise<Participant[]> {
    const access = await accessSession(storage, sessionId, actor);
    if (includeViewers) requireModerator(access);
    return present.participants(sessionId, includeViewers);
  }

  async function stats(sessionId: string, actor: Actor | null): Promise<SessionStats> {
    const access = await accessSession(storage, sessionId, actor);
    requireModerator(access);
    const s = access.session;
    const [viewerCount, viewerTotal, participantCount, messageCount, reactionCount] = await Promise.all([
      presence.viewerCount(sessionId),
      // Every /watch visitor holds a viewer row (a silent guest account when not signed in) and keeps it.
      storage.participants.count(sessionId, ['viewer', 'moderator']),
      storage.participants.count(sessionId, SEATED_ROLES),
      storage.messages.count(sessionId),
      storage.reactions.total(sessionId),
    ]);
    const durationMs = s.startedAt ? Math.max(0, (s.endedAt ?? clock()).getTime() - s.startedAt.getTime()) : 0;
    return { viewerCount, peakViewerCount: Math.max(s.peakViewerCount, viewerCount), viewerTotal, participantCount, messageCount, reactionCount, durationMs };
  }

  async function iceServers(sessionId: string, actor: Actor | null): Promise<IceServer[]> {
    const user = requireParticipant(await accessSession(storage, sessionId, actor));
    if (await storage.moderation.findBan(sessionId, user.userId)) throw fail.banned();
    return iceServersFor(config, user.userId, clock());
  }

  return {
    create: (actor: Actor | null, body: CreateSessionBody) => lifecycle.create(actor, body),
    start: lifecycle.start,
    end: lifecycle.end,
    /** Ends a session without a caller (host-absence timeout); 409 when it is not on air. */
    finish: lifecycle.finish,
    get,
    listPublic,
    current,
    participants,
    join: membership.join,
    /** Like join, but reports whether the caller's membership changed (socket handlers broadcast on change). */
    enter: membership.enter,
    enterWith: membership.enterWith,
    /** The session record for joins: one read shared by a join storm (see marked-cache.ts); null when there is none. */
    sharedRecord: markedCache({ ttlMs: JOIN_CACHE_TTL_MS, mark: (id) => deps.notifier.changeMark(id), sessionOf: (id: string) => id }, (id) =>
      storage.sessions.findById(id),
    ),
    leave: membership.leave,
    updateParticipant: (sessionId: string, userId: string, actor: Actor | null, body: UpdateParticipantBody) =>
      membership.update(sessionId, userId, actor, body),
    removeParticipant: membership.remove,
    stats,
    thumbnails,
    iceServers,
    /** The ICE servers for a participant already checked (the join reply carries them). */
    iceServersOf: (userId: string) => iceServersFor(config, userId, clock()),
    present,
    /** Since when hosts have been away, shared by the directory and the host-absence sweeper. */
    hostAbsence,
  };
}
