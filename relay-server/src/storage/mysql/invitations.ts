import { and, asc, eq, gt } from 'drizzle-orm';
import type { InvitationRepo } from '../types.js';
import { uniqueAs } from '../shared/errors.js';
import {
  invitationFromRow,
  invitationToRow,
  inviteLinkFromRow,
  inviteLinkToRow,
  pendingMarkerFor,
  toMs,
} from '../shared/rows.js';
import { affectedRows, type MysqlDb } from './db.js';
import { invitations, inviteLinks } from './schema/index.js';

export function mysqlInvitations(db: MysqlDb): InvitationRepo {
  const repo: InvitationRepo = {
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
    async setStatus(id, from, to) {
      const result = await uniqueAs('pending_invitation', () =>
        db
          .update(invitations)
          .set({ status: to, pendingMarker: pendingMarkerFor(to) })
          .where(and(eq(invitations.id, id), eq(invitations.status, from))),
      );
      return affectedRows(result) > 0 ? repo.findById(id) : null;
    },
    async closePendingForSession(sessionId, to) {
      await uniqueAs('pending_invitation', () =>
        db
          .update(invitations)
          .set({ status: to, pendingMarker: pendingMarkerFor(to) })
          .where(and(eq(invitations.sessionId, sessionId), eq(invitations.status, 'pending'))),
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
  return repo;
}
