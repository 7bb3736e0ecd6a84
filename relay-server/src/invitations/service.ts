import { randomUUID } from 'node:crypto';
import type { Invitation, InviteLinkInfoReply } from '../../../protocol/invitations.js';
import type { Participant } from '../../../protocol/sessions.js';
import type { Actor } from '../core/actor.js';
import { AppError, fail } from '../core/errors.js';
import type { Clock, Notifier } from '../core/ports.js';
import { accessLoadedSession, accessSession, requireActor, requireHost } from '../sessions/access.js';
import type { SessionsService } from '../sessions/service.js';
import type { InviteLinkRole } from '../../../protocol/invitations.js';
import { assertMayEnter, seatGuest } from '../sessions/membership.js';
import type { Presenter } from '../sessions/presenter.js';
import { DuplicateKeyError, type InvitationRecord, type SessionRecord, type Storage } from '../storage/types.js';
import { hashLinkToken, inviteUrl, newLinkToken } from './links.js';
import { seatsKey, sessionLocks } from '../sessions/keyed-lock.js';
import { toInvitationView } from './views.js';

/** An invitation, and an invite link by default, stays valid this long. */
export const INVITATION_TTL_MS = 24 * 3600_000;

export interface InvitationDeps {
  storage: Storage;
  notifier: Notifier;
  clock: Clock;
  /** The sessions presenter (views and roster broadcasts), looked up when needed. */
  present: () => Presenter;
  /** Seats the holder of a viewer link as any joining viewer is seated. */
  sessions: () => Pick<SessionsService, 'enterWith'>;
}

const notPending = (status: string) => new AppError('invalid_transition', `This invitation is ${status}, not pending`);

function assertOpen(session: SessionRecord): void {
  if (session.state === 'ending' || session.state === 'ended') throw fail.invalidTransition(session.state, 'invite to');
}

export type InvitationsService = ReturnType<typeof createInvitationsService>;

/** Invitations and invite links: the host asks, the invitee answers, a yes seats them as a guest. */
export function createInvitationsService(deps: InvitationDeps) {
  const { storage, notifier, clock } = deps;

  /** The invitation with the names an inbox line and the host's list show. */
  async function view(record: InvitationRecord): Promise<Invitation> {
    const [session, from, to] = await Promise.all([
      storage.sessions.findById(record.sessionId),
      storage.users.findById(record.fromUserId),
      storage.users.findById(record.toUserId),
    ]);
    return {
      ...toInvitationView(record),
      sessionTitle: session?.title ?? '',
      fromDisplayName: from?.displayName ?? '',
      toDisplayName: to?.displayName ?? '',
    };
  }

  async function tellBothSides(record: InvitationRecord): Promise<Invitation> {
    const invitation = await view(record);
    notifier.toUser(record.toUserId, 'invitation:update', { invitation });
    notifier.toUser(record.fromUserId, 'invitation:update', { invitation });
    return invitation;
  }

  /** A pending invitation past its expiry is marked expired now (lazily) and tells both sides. */
  async function expireIfDue(record: InvitationRecord): Promise<boolean> {
    if (record.status !== 'pending' || record.expiresAt.getTime() > clock().getTime()) return false;
    const expired = await storage.invitations.setStatus(record.id, 'pending', 'expired');
    if (expired) await tellBothSides(expired);
    return true;
  }

  async function invite(sessionId: string, actor: Actor | null, toUserId: string, message: string | undefined): Promise<Invitation> {
    const access = await accessSession(storage, sessionId, actor);
    requireHost(access);
    assertOpen(access.session);
    if (toUserId === access.session.hostId) throw fail.invalidInput('You cannot invite yourself');
    if (!(await storage.users.findById(toUserId))) throw fail.notFound('User');
    if (await storage.moderation.findBan(sessionId, toUserId)) throw fail.forbidden('That user is banned from this session');
    const seated = await storage.participants.find(sessionId, toUserId);
    if (seated && seated.leftAt === null && seated.role === 'guest') throw fail.duplicate('That user is already a guest');
    const pending = await storage.invitations.findPending(sessionId, toUserId);
    if (pending && !(await expireIfDue(pending))) throw fail.duplicate('An invitation to that user is already pending');
    const now = clock();
    const record = await storage.invitations
      .create({
        id: randomUUID(),
        sessionId,
        fromUserId: access.session.hostId,
        toUserId,
        message: message ?? '',
        status: 'pending',
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
      })
      .catch((err: unknown) => {
        throw err instanceof DuplicateKeyError ? fail.duplicate('An invitation to that user is already pending') : err;
      });
    const invitation = await view(record);
    notifier.toUser(toUserId, 'invitation:new', { invitation });
    return invitation;
  }

  async function pending(actor: Actor | null): Promise<Invitation[]> {
    const user = requireActor(actor);
    return Promise.all((await storage.invitations.listPendingFor(user.userId, clock())).map(view));
  }

  /** Host: the session's invitations and their states; pending ones past their time are marked expired first. */
  async function forSession(sessionId: string, actor: Actor | null): Promise<Invitation[]> {
    const access = await accessSession(storage, sessionId, actor);
    requireHost(access);
    const records = await storage.invitations.listForSession(sessionId);
    for (const record of records) await expireIfDue(record);
    return Promise.all((await storage.invitations.listForSession(sessionId)).map(view));
  }

  /** Host: withdraws a pending invitation; the invitee's inbox drops it. */
  async function revoke(id: string, actor: Actor | null): Promise<Invitation> {
    const user = requireActor(actor);
    const record = await storage.invitations.findById(id);
    const session = record ? await storage.sessions.findById(record.sessionId) : null;
    // Not the host's own: 404, so invitation ids of other sessions say nothing.
    if (!record || !session || session.hostId !== user.userId) throw fail.notFound('Invitation');
    if (record.status !== 'pending') throw notPending(record.status);
    const moved = await storage.invitations.setStatus(id, 'pending', 'cancelled');
    if (!moved) throw notPending('no longer pending');
    return tellBothSides(moved);
  }

  /** The caller's own invitation, still pending and not expired; anyone else's is 404. */
  async function ownPending(id: string, actor: Actor | null): Promise<{ record: InvitationRecord; user: Actor }> {
    const user = requireActor(actor);
    const record = await storage.invitations.findById(id);
    if (!record || record.toUserId !== user.userId) throw fail.notFound('Invitation');
    if (record.status !== 'pending') throw notPending(record.status);
    if (await expireIfDue(record)) throw fail.expired('This invitation has expired');
    return { record, user };
  }

  async function accept(id: string, actor: Actor | null): Promise<{ invitation: Invitation; participant: Participant }> {
    const { record, user } = await ownPending(id, actor);
    const session = await storage.sessions.findById(record.sessionId);
    if (!session) throw fail.notFound('Session');
    await assertMayEnter(storage, session, user.userId);
    const { accepted, seat } = await sessionLocks.run(seatsKey(session.id), () =>
      storage.transaction(async (tx) => {
        const moved = await tx.invitations.setStatus(id, 'pending', 'accepted');
        if (!moved) throw notPending('no longer pending');
        return { accepted: moved, seat: await seatGuest(tx, session, user.userId, clock()) };
      }),
    );
    const invitation = await tellBothSides(accepted);
    await deps.present().broadcastParticipants(session.id);
    return { invitation, participant: await deps.present().participant(seat) };
  }

  async function reject(id: string, actor: Actor | null): Promise<Invitation> {
    await ownPending(id, actor);
    const moved = await storage.invitations.setStatus(id, 'pending', 'rejected');
    if (!moved) throw notPending('no longer pending');
    return tellBothSides(moved);
  }

  async function createLink(
    sessionId: string,
    actor: Actor | null,
    options: { expiresInSeconds?: number; role?: InviteLinkRole },
    baseUrl: string,
  ) {
    const access = await accessSession(storage, sessionId, actor);
    requireHost(access);
    assertOpen(access.session);
    const role = options.role ?? 'guest';
    const token = newLinkToken();
    const now = clock();
    const expiresAt = new Date(now.getTime() + (options.expiresInSeconds !== undefined ? options.expiresInSeconds * 1000 : INVITATION_TTL_MS));
    await storage.invitations.createLink({ tokenHash: hashLinkToken(token), sessionId, createdBy: access.session.hostId, createdAt: now, expiresAt, role });
    return { url: inviteUrl(baseUrl, token, role, sessionId), token, expiresAt: expiresAt.toISOString(), role };
  }

  /** A viewer link seats its holder as a viewer of the (private) session: they watch and chat, never take the stage. */
  async function admitViewer(session: SessionRecord, actor: Actor): Promise<{ sessionId: string; participant: Participant }> {
    if (session.state === 'ending' || session.state === 'ended') throw fail.expired('The session of this invite link has ended');
    const access = await accessLoadedSession(storage, session, actor, clock(), true);
    const { record, changed } = await deps.sessions().enterWith(access);
    if (changed && record.role !== 'viewer') await deps.present().broadcastParticipants(session.id);
    return { sessionId: session.id, participant: await deps.present().participant(record) };
  }

  /** Whoever holds a valid guest link becomes a guest, while seats last; a viewer link lets them watch. */
  async function redeemLink(token: string, actor: Actor | null): Promise<{ sessionId: string; participant: Participant }> {
    const user = requireActor(actor);
    const link = await storage.invitations.findLink(hashLinkToken(token));
    if (!link) throw fail.notFound('Invite link');
    if (link.expiresAt.getTime() <= clock().getTime()) throw fail.expired('This invite link has expired');
    const session = await storage.sessions.findById(link.sessionId);
    if (!session) throw fail.notFound('Session');
    if (link.role === 'viewer') return admitViewer(session, user);
    await assertMayEnter(storage, session, user.userId);
    const seat = await sessionLocks.run(seatsKey(session.id), () => storage.transaction((tx) => seatGuest(tx, session, user.userId, clock())));
    await deps.present().broadcastParticipants(session.id);
    return { sessionId: session.id, participant: await deps.present().participant(seat) };
  }

  /** What a link leads to, for the guest page to check before anything else; the token is the credential. */
  async function linkInfo(token: string): Promise<InviteLinkInfoReply> {
    const link = await storage.invitations.findLink(hashLinkToken(token));
    if (!link) throw fail.notFound('Invite link');
    if (link.expiresAt.getTime() <= clock().getTime()) throw fail.expired('This invite link has expired');
    const session = await storage.sessions.findById(link.sessionId);
    if (!session) throw fail.notFound('Invite link');
    if (session.state === 'ending' || session.state === 'ended') throw fail.expired('The session of this invite link has ended');
    const host = await storage.users.findById(session.hostId);
    return {
      sessionId: session.id,
      sessionTitle: session.title,
      hostDisplayName: host?.displayName ?? '',
      expiresAt: link.expiresAt.toISOString(),
      role: link.role,
    };
  }

  return { invite, pending, forSession, revoke, accept, reject, createLink, redeemLink, linkInfo };
}
