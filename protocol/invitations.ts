import { z } from 'zod';
import { Id, IsoTime, cleanText } from './common.js';
import { Participant } from './sessions.js';

export const InvitationStatus = z.enum(['pending', 'accepted', 'rejected', 'expired', 'cancelled']);
export type InvitationStatus = z.infer<typeof InvitationStatus>;

export const Invitation = z.object({
  id: Id,
  sessionId: Id,
  fromUserId: Id,
  toUserId: Id,
  message: z.string(),
  status: InvitationStatus,
  createdAt: IsoTime,
  expiresAt: IsoTime,
  /** Who and what, for an inbox line or the host's list ("Ama invites you to Morning talk"); absent on old relays. */
  sessionTitle: z.string().optional(),
  fromDisplayName: z.string().optional(),
  toDisplayName: z.string().optional(),
});
export type Invitation = z.infer<typeof Invitation>;

export const CreateInvitationBody = z.strictObject({ toUserId: Id, message: cleanText(0, 280).optional() });
/** What an invite link lets its holder do: join the stage from /join (guest), or watch a private live on /watch (viewer). */
export const InviteLinkRole = z.enum(['guest', 'viewer']);
export type InviteLinkRole = z.infer<typeof InviteLinkRole>;
export const CreateInviteLinkBody = z.strictObject({
  expiresInSeconds: z.number().int().min(60).max(604800).optional(),
  /** Default guest. */
  role: InviteLinkRole.optional(),
});
export const InviteLinkReply = z.object({ url: z.string(), token: z.string(), expiresAt: IsoTime, role: InviteLinkRole.optional() });
export type InviteLinkReply = z.infer<typeof InviteLinkReply>;
export const InvitationReply = z.object({ invitation: Invitation });
export const InvitationsReply = z.object({ invitations: z.array(Invitation) });
export const AcceptInvitationReply = z.object({ invitation: Invitation, participant: Participant });
/** Extension: redeeming an invite link (`/join/:token`) makes the caller a guest. */
export const InviteLinkParams = z.object({ token: z.string().min(10).max(2048) });
export const RedeemInviteLinkReply = z.object({ sessionId: Id, participant: Participant });
/** Extension: what an invite link leads to, read before the guest signs in or opens a camera. */
export const InviteLinkInfoReply = z.object({
  sessionId: Id,
  sessionTitle: z.string(),
  hostDisplayName: z.string(),
  expiresAt: IsoTime,
  /** Absent on older relays (guest). */
  role: InviteLinkRole.optional(),
});
export type InviteLinkInfoReply = z.infer<typeof InviteLinkInfoReply>;
export const InvitationIdParams = z.object({ id: Id });
