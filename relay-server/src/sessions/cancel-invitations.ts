import type { Notifier } from '../core/ports.js';
import { toInvitationView } from '../invitations/views.js';
import type { Storage } from '../storage/types.js';

/**
 * Cancels the pending invitations of an ending session and tells each invitee and the inviter
 * (`invitation:update`), so an invitee's prompt closes instead of leading to a session that is gone.
 * Each is cancelled with the status CAS: one answered meanwhile keeps its answer and is not announced.
 */
export async function cancelPendingInvitations(storage: Storage, notifier: Notifier, sessionId: string): Promise<void> {
  const pending = await storage.invitations.listPendingForSession(sessionId);
  const cancelled = await Promise.all(pending.map((inv) => storage.invitations.setStatus(inv.id, 'pending', 'cancelled')));
  // An invitation whose creation raced the session's move to `ending` is closed too (no invite may outlive it).
  await storage.invitations.closePendingForSession(sessionId, 'cancelled');
  for (const record of cancelled) {
    if (!record) continue;
    const invitation = toInvitationView(record);
    notifier.toUser(record.toUserId, 'invitation:update', { invitation });
    notifier.toUser(record.fromUserId, 'invitation:update', { invitation });
  }
}
