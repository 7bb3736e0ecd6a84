import { and, asc, eq, gt } from 'drizzle-orm';
import type { InvitationRepo } from '../types.js';
import type { Dialect } from '../dialect.js';
import { uniqueAs } from '../shared/errors.js';
import {
  invitationFromRow,
  invitationToRow,
  inviteLinkFromRow,
  inviteLinkToRow,
  pendingMarkerFor,
  toMs,
} from '../shared/rows.js';

export function invitationsRepo(d: Dialect): InvitationRepo {
  const { db } = d;
  const { invitations, inviteLinks } = d.t;
  return {
    async create(invitation) {
      await uniqueAs('pending_invitation', () => db.insert(invitations).values(invitationToRow(invitation)));
      return invitation;
    },
    async findById(id) {
      const [row] = await db.select().from(invitations).where(eq(invitations.id, id));
      return row ? invitationFromRow(row) : null;
    },
    async listPendingFor(toUserId, now) {
      const rows = await db
        .select()
        .from(invitations)
        .where(
          and(eq(invitations.toUserId, toUserId), eq(invitations.status, 'pending'), gt(invitations.expiresAt, toMs(now))),
        )
        .orderBy(asc(invitations.createdAt), asc(invitations.id));
      return rows.map(invitationFromRow);
    },
    async findPending(sessionId, toUserId) {
      const [row] = await db
        .select()
        .from(invitations)
        .where(
          and(eq(invitations.sessionId, sessionId), eq(invitations.toUserId, toUserId), eq(invitations.status, 'pending')),
        );
      return row ? invitationFromRow(row) : null;
    },
    async listPendingForSession(sessionId) {
      const rows = await db
        .select()
        .from(invitations)
        .where(and(eq(invitations.sessionId, sessionId), eq(invitations.status, 'pending')))
        .orderBy(asc(invitations.createdAt), asc(invitations.id));
      return rows.map(invitationFromRow);
    },
    async listForSession(sessionId) {
      const rows = await db
        .select()
        .from(invitations)
        .where(eq(invitations.sessionId, sessionId))
        .orderBy(asc(invitations.createdAt), asc(invitations.id));
      return rows.map(invitationFromRow);
    },
    async setStatus(id, from, to) {
      const row = await uniqueAs('pending_invitation', () =>
        d.updateThenRead(
          invitations,
          { status: to, pendingMarker: pendingMarkerFor(to) },
          and(eq(invitations.id, id), eq(invitations.status, from)),
          eq(invitations.id, id),
        ),
      );
      return row ? invitationFromRow(row) : null;
    },
    async closePendingForSession(sessionId, to) {
      await uniqueAs('pending_invitation', () =>
        d.update(
          invitations,
          { status: to, pendingMarker: pendingMarkerFor(to) },
          and(eq(invitations.sessionId, sessionId), eq(invitations.status, 'pending')),
        ),
      );
    },
    async createLink(link) {
      await uniqueAs('invite_link', () => db.insert(inviteLinks).values(inviteLinkToRow(link)));
      return link;
    },
    async findLink(tokenHash) {
      const [row] = await db.select().from(inviteLinks).where(eq(inviteLinks.tokenHash, tokenHash));
      return row ? inviteLinkFromRow(row) : null;
    },
  };
}
