import { randomUUID } from 'node:crypto';
import { STAGE_GUEST_ROLES } from '../../../protocol/sessions.js';
import type { BackstageMessage, StageState } from '../../../protocol/stage.js';
import { TokenBuckets } from '../auth/token-bucket.js';
import type { Actor } from '../core/actor.js';
import { fail } from '../core/errors.js';
import { requireActor } from '../sessions/access.js';
import type { Clock, Notifier } from '../core/ports.js';
import type { Repositories, SessionRecord } from '../storage/types.js';

/** Backstage lines kept per session for a guest who arrives or reloads (the green room is short-lived). */
export const BACKSTAGE_KEEP = 100;
/** Backstage chat flood control per user: this many lines at once, refilled at one a second. */
const BACKSTAGE_BURST = 5;

type StageRole = BackstageMessage['role'];

export interface StageDeps {
  storage: Pick<Repositories, 'sessions' | 'participants' | 'users' | 'moderation'>;
  notifier: Notifier;
  clock: Clock;
}

interface Room {
  stage: StageState;
  messages: BackstageMessage[];
}

export type StageService = ReturnType<typeof createStageService>;

/**
 * The stage of a live: the host says who is on air (and who is being counted down), and the host and
 * the guests talk backstage. Only the host and current stage members (guests, moderators) take part and
 * receive it, each in their own user room: viewers of the session never see a line of it.
 * Kept in memory on the node (like a green room, it does not outlive the live); across several relay
 * nodes each node keeps what it saw, and the host re-announces the stage whenever the roster changes.
 */
export function createStageService(deps: StageDeps) {
  const { storage, notifier, clock } = deps;
  const rooms = new Map<string, Room>();
  const buckets = new TokenBuckets(BACKSTAGE_BURST, 1, clock);

  function roomOf(sessionId: string): Room {
    let room = rooms.get(sessionId);
    if (!room) {
      room = { stage: { sessionId, onAir: [], cueing: [] }, messages: [] };
      rooms.set(sessionId, room);
    }
    return room;
  }

  async function openSession(sessionId: string): Promise<SessionRecord> {
    const session = await storage.sessions.findById(sessionId);
    if (!session) throw fail.notFound('Session');
    if (session.state === 'ending' || session.state === 'ended') {
      rooms.delete(sessionId);
      throw fail.invalidTransition(session.state, 'use the stage of');
    }
    return session;
  }

  /** Guests and moderators who have not left, in join order. */
  async function stageMembers(sessionId: string): Promise<Map<string, StageRole>> {
    const onStage = await storage.participants.list(sessionId, STAGE_GUEST_ROLES);
    return new Map(onStage.map((p) => [p.userId, p.role === 'moderator' ? 'moderator' : 'guest']));
  }

  /** The caller's role on stage, or `forbidden` for anyone else (a viewer, a stranger, a banned user). */
  async function stageRole(session: SessionRecord, actor: Actor | null): Promise<StageRole> {
    if (!actor) throw fail.unauthorized('Sign in to go backstage');
    if (actor.userId === session.hostId) return 'host';
    if (await storage.moderation.findBan(session.id, actor.userId)) throw fail.banned();
    const role = (await stageMembers(session.id)).get(actor.userId);
    if (!role) throw fail.forbidden('Only the host and the guests on stage may go backstage');
    return role;
  }

  /** The host and the stage members: the only people who hear of the stage. */
  const audience = (session: SessionRecord, members: Iterable<string>) => new Set([session.hostId, ...members]);

  /** Host only. Names that are not on stage (any more) are dropped: a guest may leave mid-announcement. */
  async function setStage(actor: Actor | null, sessionId: string, onAir: string[], cueing: string[]): Promise<StageState> {
    const session = await openSession(sessionId);
    if (!actor) throw fail.unauthorized();
    if (actor.userId !== session.hostId) throw fail.notHost();
    const members = await stageMembers(sessionId);
    const keep = (ids: string[]) => [...new Set(ids)].filter((id) => members.has(id));
    const live = keep(onAir);
    const stage: StageState = { sessionId, onAir: live, cueing: keep(cueing).filter((id) => !live.includes(id)) };
    roomOf(sessionId).stage = stage;
    for (const userId of audience(session, members.keys())) notifier.toUser(userId, 'stage:state', stage);
    return stage;
  }

  async function getStage(actor: Actor | null, sessionId: string): Promise<StageState> {
    const session = await openSession(sessionId);
    await stageRole(session, actor);
    return roomOf(sessionId).stage;
  }

  async function send(actor: Actor | null, sessionId: string, content: string, clientMessageId: string): Promise<BackstageMessage> {
    const session = await openSession(sessionId);
    const role = await stageRole(session, actor);
    const userId = requireActor(actor).userId;
    const room = roomOf(sessionId);
    // A retry after a lost ack gets the line it already sent, not a second copy.
    const again = room.messages.find((m) => m.userId === userId && m.clientMessageId === clientMessageId);
    if (again) return again;
    const wait = buckets.take(`${sessionId}\u0000${userId}`);
    if (wait > 0) throw fail.rateLimited(wait);
    const user = await storage.users.findById(userId);
    const message: BackstageMessage = {
      id: randomUUID(),
      sessionId,
      userId,
      displayName: user?.displayName ?? '',
      role,
      content,
      clientMessageId,
      createdAt: clock().toISOString(),
    };
    room.messages.push(message);
    if (room.messages.length > BACKSTAGE_KEEP) room.messages.splice(0, room.messages.length - BACKSTAGE_KEEP);
    for (const userId of audience(session, (await stageMembers(sessionId)).keys())) notifier.toUser(userId, 'backstage:message', { sessionId, message });
    return message;
  }

  async function history(actor: Actor | null, sessionId: string): Promise<BackstageMessage[]> {
    const session = await openSession(sessionId);
    await stageRole(session, actor);
    return [...roomOf(sessionId).messages];
  }

  /** Forgets the stage of sessions that are over (called periodically). */
  async function sweep(): Promise<void> {
    for (const sessionId of [...rooms.keys()]) {
      const session = await storage.sessions.findById(sessionId);
      if (!session || session.state === 'ended') rooms.delete(sessionId);
    }
  }

  return { setStage, getStage, send, history, sweep, size: () => rooms.size };
}
