import { STAGE_ROLES, type Participant, type Role, type Session } from '../../../protocol/sessions.js';
import { logger } from '../core/logger.js';
import type { ParticipantRecord, Repositories, SessionRecord } from '../storage/types.js';
import { ALL_ROLES, SEATED_ROLES, type SessionDeps } from './deps.js';
import { JOIN_CACHE_TTL_MS } from './join-cache.js';
import { markedCache } from './marked-cache.js';
import { singleFlight } from './single-flight.js';
import { toParticipantView, toSessionView } from './views.js';

/**
 * Viewer counts are broadcast at most once a second per session (a join storm stays O(n) messages, and a
 * count is not news faster), less often in big rooms, where each broadcast is one write per viewer: one
 * more second per 500 viewers, up to 5 s (YouTube and Twitch refresh theirs every several seconds).
 * An unchanged count is not sent again.
 */
const VIEWER_COUNT_COALESCE_MS = 1000;
const VIEWERS_PER_EXTRA_SECOND = 500;
const VIEWER_COUNT_MAX_COALESCE_MS = 5000;

/** How long a session's viewer count waits to be broadcast, given the count last sent. */
export function viewerCountWindowMs(lastCount: number): number {
  return Math.min(VIEWER_COUNT_MAX_COALESCE_MS, VIEWER_COUNT_COALESCE_MS * (1 + Math.floor(lastCount / VIEWERS_PER_EXTRA_SECOND)));
}

export type Presenter = ReturnType<typeof createPresenter>;

/** Builds wire views (with live counts from Presence) and broadcasts roster changes to a session's room. */
export function createPresenter(deps: SessionDeps) {
  const { storage, presence, notifier } = deps;
  const pendingCounts = new Map<string, NodeJS.Timeout>();
  /** The count each session's room was last told (absent: never told, or the room was forgotten). */
  const sentCounts = new Map<string, number>();

  async function displayNames(repos: Repositories, ids: string[]): Promise<Map<string, string>> {
    const users = ids.length ? await repos.users.findManyByIds([...new Set(ids)]) : [];
    return new Map(users.map((u) => [u.id, u.displayName]));
  }

  async function stageFactsNow(id: string, hostId: string) {
    const [host, participantCount] = await Promise.all([storage.users.findById(hostId), storage.participants.count(id, SEATED_ROLES)]);
    return { host: { id: hostId, displayName: host?.displayName ?? '' }, participantCount };
  }

  /** Presence's viewer count, shared by concurrent callers (the MAX_LIVE_VIEWERS check on every join). */
  const viewerCount = singleFlight((sessionId: string) => presence.viewerCount(sessionId));

  /** `knownHostConnected`: the caller just asked Presence (the directory does), so it is not asked twice. */
  async function session(record: SessionRecord, knownHostConnected?: boolean): Promise<Session> {
    const [{ host, participantCount }, viewers, hostConnected] = await Promise.all([
      stageFactsNow(record.id, record.hostId),
      viewerCount(record.id),
      knownHostConnected ?? presence.isConnected(record.id, record.hostId),
    ]);
    return toSessionView(record, host, { viewerCount: viewers, participantCount, hostConnected });
  }

  function participants(sessionId: string, includeViewers: boolean): Promise<Participant[]> {
    return roster(sessionId, includeViewers ? ALL_ROLES : STAGE_ROLES);
  }

  // What every joiner is sent alike, read once for a whole join storm (see marked-cache.ts). Only the
  // join ack uses these: answers to a caller's own change must show that change.
  const cacheOptions = { ttlMs: JOIN_CACHE_TTL_MS, mark: notifier.changeMark };
  const sharedStageFacts = markedCache({ ...cacheOptions, sessionOf: (key: string) => key.split(' ')[0] ?? '' }, (key) => {
    const [id = '', hostId = ''] = key.split(' ');
    return stageFactsNow(id, hostId);
  });
  const sharedStageRoster = markedCache({ ...cacheOptions, sessionOf: (id: string) => id }, (id) => roster(id, STAGE_ROLES));

  /** The session view a joining socket gets: live viewer count, the rest shared with other joiners. */
  async function sessionForJoin(record: SessionRecord): Promise<Session> {
    const [{ host, participantCount }, viewers, hostConnected] = await Promise.all([
      sharedStageFacts(`${record.id} ${record.hostId}`),
      viewerCount(record.id),
      presence.isConnected(record.id, record.hostId),
    ]);
    return toSessionView(record, host, { viewerCount: viewers, participantCount, hostConnected });
  }

  async function roster(sessionId: string, roles: readonly Role[]): Promise<Participant[]> {
    const records = await storage.participants.list(sessionId, roles);
    const [names, connected] = await Promise.all([
      displayNames(storage, records.map((r) => r.userId)),
      presence.connectedUserIds(sessionId),
    ]);
    return records.map((r) => toParticipantView(r, names.get(r.userId) ?? '', connected.has(r.userId)));
  }

  async function participant(record: ParticipantRecord): Promise<Participant> {
    const [user, connected] = await Promise.all([
      storage.users.findById(record.userId),
      presence.isConnected(record.sessionId, record.userId),
    ]);
    return toParticipantView(record, user?.displayName ?? '', connected);
  }

  /** Tells the room who is on stage now (host, moderators, guests: viewers would make this O(n²)). */
  async function broadcastParticipants(sessionId: string): Promise<void> {
    notifier.toSession(sessionId, 'participants:update', { sessionId, participants: await participants(sessionId, false) });
  }

  async function flushViewerCount(sessionId: string): Promise<void> {
    pendingCounts.delete(sessionId);
    try {
      const count = await presence.viewerCount(sessionId);
      await storage.sessions.recordViewerPeak(sessionId, count);
      if (sentCounts.get(sessionId) === count) return;
      if (count === 0) sentCounts.delete(sessionId);
      else sentCounts.set(sessionId, count);
      notifier.toSession(sessionId, 'viewers:count', { sessionId, count });
    } catch (err) {
      logger.warn({ err, sessionId }, 'viewer count broadcast failed');
    }
  }

  /** Schedules one `viewers:count` for the session; calls within the window share it. */
  function scheduleViewerCount(sessionId: string): void {
    if (pendingCounts.has(sessionId)) return;
    const timer = setTimeout(() => void flushViewerCount(sessionId), viewerCountWindowMs(sentCounts.get(sessionId) ?? 0));
    timer.unref();
    pendingCounts.set(sessionId, timer);
  }

  function stop(): void {
    for (const timer of pendingCounts.values()) clearTimeout(timer);
    pendingCounts.clear();
    sentCounts.clear();
  }

  return {
    session,
    participants,
    participant,
    viewerCount,
    broadcastParticipants,
    scheduleViewerCount,
    stop,
    sessionForJoin,
    /** The stage roster a joining socket gets, shared with other joiners. */
    stageRosterForJoin: sharedStageRoster,
  };
}
