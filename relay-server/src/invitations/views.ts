import type { Invitation } from '../../../protocol/invitations.js';
import type { InvitationRecord } from '../storage/types.js';

export function toInvitationView(r: InvitationRecord): Invitation {
  return {
    id: r.id,
    sessionId: r.sessionId,
    fromUserId: r.fromUserId,
    toUserId: r.toUserId,
    message: r.message,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
  };
}
