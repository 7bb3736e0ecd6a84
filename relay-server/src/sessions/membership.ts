import { isStage, isStageGuest, type Participant, type Role, type UpdateParticipantBody } from '../../../protocol/sessions.js';
import type { Actor } from '../core/actor.js';
import { fail } from '../core/errors.js';
import type { ParticipantRecord, Repositories, SessionRecord } from '../storage/types.js';
import { accessSession, requireActor, requireHost, requireParticipant, type SessionAccess } from './access.js';
import { SEATED_ROLES, type SessionDeps } from './deps.js';
import type { Presenter } from './presenter.js';
import { seatsKey, sessionLocks } from './keyed-lock.js';
import { createViewerRowWriter } from './viewer-rows.js';
import { TokenBuckets } from '../auth/token-bucket.js';

type Patch = Parameters<Repositories['participants']['update']>[2];

/** Refuses users banned from the session and sessions that are over. */
export async function assertMayEnter(repos: Repositories, session: SessionRecord, userId: string | null): Promise<void> {
  if (userId && (await repos.moderation.findBan(session.id, userId))) throw fail.banned();
  if (session.state === 'ending' || session.state === 'ended') throw fail.invalidTransition(session.state, 'join');
}

/** 409 when every seat (host + guests) is taken. */
export async function assertSeatFree(repos: Repositories, session: SessionRecord): Promise<void> {
  if ((await repos.participants.count(session.id, SEATED_ROLES)) >= session.maxParticipants) throw fail.sessionFull();
}

/** Seats `userId` as a guest (invitation accepted, invite link redeemed), unless already on stage. */
export async function seatGuest(repos: Repositories, session: SessionRecord, userId: string, now: Date): Promise<ParticipantRecord> {
  const existing = await repos.participants.find(session.id, userId);
  if (existing && existing.leftAt === null && existing.role !== 'viewer') return existing;
  await assertSeatFree(repos, session);
  return repos.participants.upsert(freshParticipant(session.id, userId, 'guest', now, existing));
}

function freshParticipant(sessionId: string, userId: string, role: Role, now: Date, previous: ParticipantRecord | null): ParticipantRecord {
  const onStage = role !== 'viewer';
  return {
    sessionId,
    userId,
    role,
    audioEnabled: onStage && !previous?.audioForcedOff,
    videoEnabled: onStage && !previous?.videoForcedOff,
    audioForcedOff: previous?.audioForcedOff ?? false,
    videoForcedOff: previous?.videoForcedOff ?? false,
    joinedAt: now,
    leftAt: null,
  };
}

/**
 * Participant changes (PATCH) per user: a person flips a switch a few times a second at most, and the
 * host toggling guests' microphones stays far below this; a script hammering the route gets 429.
 */
const PATCH_BURST = 20;
const PATCHES_PER_SECOND = 5;

/** Joining, leaving, and the host's control over who is on stage with what. */
export function createMembership(deps: SessionDeps, present: Presenter) {
  const { storage, presence, notifier, clock, config } = deps;
  const patchLimit = new TokenBuckets(PATCH_BURST, PATCHES_PER_SECOND, clock);
  const writeViewerRow = createViewerRowWriter(storage);

  /** A user who left comes back in the role they had (guest, moderator); a newcomer is a viewer. */
  function roleOnReturn(session: SessionRecord, userId: string, previous: ParticipantRecord | null): Role {
    if (userId === session.hostId) return 'host';
    return previous && isStageGuest(previous.role) ? previous.role : 'viewer';
  }

  /** A signed-in viewer joining over HTTP: anonymous sockets yield their seat first (see sessions/socket.ts). */
  async function assertViewerRoom(sessionId: string, userId: string): Promise<void> {
    if (await presence.isConnected(sessionId, userId)) return;
    if ((await presence.viewerCount(sessionId)) < config.maxLiveViewers) return;
    if (!(await presence.yieldAnonymousSeat(sessionId))) throw fail.sessionFull('The session has reached its viewer limit');
  }

  /** Makes the caller a participant; returns it and whether anything changed. */
  async function enter(sessionId: string, actor: Actor | null): Promise<{ record: ParticipantRecord; changed: boolean }> {
    return enterWith(await accessSession(storage, sessionId, actor));
  }

  /** `enter` for a caller whose access was just checked: re-checks the ban, reuses the participant row read. */
  async function enterWith(access: SessionAccess): Promise<{ record: ParticipantRecord; changed: boolean }> {
    const user = requireActor(access.actor);
    const sessionId = access.session.id;
    await assertMayEnter(storage, access.session, user.userId);
    const previous = access.isHost ? await storage.participants.find(sessionId, user.userId) : access.participant;
    if (previous && previous.leftAt === null) return { record: previous, changed: false };
    const role = roleOnReturn(access.session, user.userId, previous);
    const fresh = freshParticipant(sessionId, user.userId, role, clock(), previous);
    // Presence reads outside any transaction; viewers take no seat, so their upsert needs none.
    if (role === 'viewer') {
      await assertViewerRoom(sessionId, user.userId);
      return { record: await writeViewerRow(fresh), changed: true };
    }
    const record = await sessionLocks.run(seatsKey(sessionId), () =>
      storage.transaction(async (tx) => {
        if (role === 'guest') await assertSeatFree(tx, access.session);
        return tx.participants.upsert(fresh);
      }),
    );
    return { record, changed: true };
  }

  async function join(sessionId: string, actor: Actor | null): Promise<Participant> {
    const { record, changed } = await enter(sessionId, actor);
    if (changed && record.role !== 'viewer') await present.broadcastParticipants(sessionId);
    return present.participant(record);
  }

  async function leave(sessionId: string, actor: Actor | null): Promise<void> {
    const access = await accessSession(storage, sessionId, actor);
    const user = requireParticipant(access);
    if (access.isHost) throw fail.forbidden('The host ends the session instead of leaving it');
    await storage.participants.update(sessionId, user.userId, { leftAt: clock() });
    if (access.role !== 'viewer') await present.broadcastParticipants(sessionId);
    present.scheduleViewerCount(sessionId);
  }

  async function currentParticipant(sessionId: string, userId: string): Promise<ParticipantRecord> {
    const record = await storage.participants.find(sessionId, userId);
    if (!record || record.leftAt !== null) throw fail.notFound('Participant');
    return record;
  }

  /** The host's changes: turning something off forces it off until the host turns it back on. */
  async function hostPatch(session: SessionRecord, target: ParticipantRecord, body: UpdateParticipantBody): Promise<Patch> {
    const own = target.userId === session.hostId;
    if (own && body.role !== undefined) throw fail.forbidden('The host cannot change their own role');
    const patch: Patch = {};
    if (body.audioEnabled !== undefined) {
      patch.audioEnabled = body.audioEnabled;
      if (!own) patch.audioForcedOff = !body.audioEnabled;
    }
    if (body.videoEnabled !== undefined) {
      patch.videoEnabled = body.videoEnabled;
      if (!own) patch.videoForcedOff = !body.videoEnabled;
    }
    if (body.role !== undefined && body.role !== target.role) {
      if (body.role === 'guest') await assertSeatFree(storage, session);
      patch.role = body.role;
    }
    return patch;
  }

  function selfPatch(target: ParticipantRecord, body: UpdateParticipantBody): Patch {
    if (body.role !== undefined) throw fail.notHost();
    if (body.audioEnabled === true && target.audioForcedOff) throw fail.forbidden('The host turned your microphone off');
    if (body.videoEnabled === true && target.videoForcedOff) throw fail.forbidden('The host turned your camera off');
    const patch: Patch = {};
    if (body.audioEnabled !== undefined) patch.audioEnabled = body.audioEnabled;
    if (body.videoEnabled !== undefined) patch.videoEnabled = body.videoEnabled;
    return patch;
  }

  async function update(sessionId: string, targetId: string, actor: Actor | null, body: UpdateParticipantBody): Promise<Participant> {
    const user = requireActor(actor);
    const wait = patchLimit.take(`${sessionId} ${user.userId}`);
    if (wait > 0) throw fail.rateLimited(wait, 'Too many changes at once, slow down');
    const access = await accessSession(storage, sessionId, actor);
    if (!access.isHost && user.userId !== targetId) throw fail.notHost();
    const target = await currentParticipant(sessionId, targetId);
    const updated = await sessionLocks.run(seatsKey(sessionId), async () => {
      const patch = access.isHost ? await hostPatch(access.session, target, body) : selfPatch(target, body);
      return (await storage.participants.update(sessionId, targetId, patch)) ?? target;
    });
    // The room sees the stage only: a viewer's own switches change nothing anyone else is shown.
    if (isStage(target.role) || isStage(updated.role)) await present.broadcastParticipants(sessionId);
    if (body.role !== undefined) present.scheduleViewerCount(sessionId);
    return present.participant(updated);
  }

  /** Takes someone off the session and out of its room; coming back makes them a viewer, not a guest. */
  async function remove(sessionId: string, targetId: string, actor: Actor | null): Promise<void> {
    const access = await accessSession(storage, sessionId, actor);
    requireHost(access);
    if (targetId === access.session.hostId) throw fail.forbidden('The host cannot remove themselves; end the session instead');
    await currentParticipant(sessionId, targetId);
    await storage.participants.update(sessionId, targetId, { leftAt: clock(), role: 'viewer' });
    await notifier.removeFromSession(sessionId, targetId);
    // The studio holds direct (P2P) links the relay cannot cut: it closes them on this word.
    notifier.toUser(access.session.hostId, 'participant:removed', { sessionId, userId: targetId });
    deps.endMediaOf?.(sessionId, targetId);
    await present.broadcastParticipants(sessionId);
    present.scheduleViewerCount(sessionId);
  }

  return { enter, enterWith, join, leave, update, remove };
}
