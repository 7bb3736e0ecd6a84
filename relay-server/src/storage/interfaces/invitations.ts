/** Invitations to join a live and the links that carry them. */
import type { InvitationStatus } from '../../../../protocol/invitations.js';

export interface InvitationRecord {
  id: string;
  sessionId: string;
  fromUserId: string;
  toUserId: string;
  message: string;
  status: InvitationStatus;
  createdAt: Date;
  expiresAt: Date;
}

export interface InviteLinkRecord {
  /** SHA-256 of the link token: the token itself is never stored. */
  tokenHash: string;
  sessionId: string;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  /** What the link lets its holder do: join the stage (guest) or watch a private live (viewer). */
  role: InviteLinkRole;
}

export type InviteLinkRole = 'guest' | 'viewer';

export interface InvitationRepo {
  /** Throws DuplicateKeyError('pending_invitation') while one is pending for the same session and invitee. */
  create(invitation: InvitationRecord): Promise<InvitationRecord>;
  findById(id: string): Promise<InvitationRecord | null>;
  listPendingFor(toUserId: string, now: Date): Promise<InvitationRecord[]>;
  findPending(sessionId: string, toUserId: string): Promise<InvitationRecord | null>;
  /** Every pending invitation of the session, expired or not, oldest first (to tell invitees it was cancelled). */
  listPendingForSession(sessionId: string): Promise<InvitationRecord[]>;
  /** Every invitation of the session whatever its state, oldest first (the host's list). */
  listForSession(sessionId: string): Promise<InvitationRecord[]>;
  /** Compare-and-set on status; null when it was no longer `from`. */
  setStatus(id: string, from: InvitationStatus, to: InvitationStatus): Promise<InvitationRecord | null>;
  /** Marks every pending invitation of the session with `to` (e.g. cancelled when it ends). */
  closePendingForSession(sessionId: string, to: InvitationStatus): Promise<void>;
  createLink(link: InviteLinkRecord): Promise<InviteLinkRecord>;
  findLink(tokenHash: string): Promise<InviteLinkRecord | null>;
}
