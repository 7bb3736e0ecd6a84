import type { Role } from '../../../protocol/sessions.js';
import type { Actor } from '../core/actor.js';
import { fail } from '../core/errors.js';
import type { Presence } from '../core/ports.js';
import type { Repositories, SessionRecord } from '../storage/types.js';

export interface SignalingDeps {
  storage: Pick<Repositories, 'sessions' | 'participants' | 'moderation'>;
  presence: Presence;
}

/** A signed-in member of the room without a stage role is a viewer. */
async function roleIn(deps: SignalingDeps, session: SessionRecord, userId: string): Promise<Role> {
  if (userId === session.hostId) return 'host';
  const record = await deps.storage.participants.find(session.id, userId);
  return record && record.leftAt === null ? record.role : 'viewer';
}

export type SignalingService = ReturnType<typeof createSignalingService>;

/**
 * Who may signal whom: both ends must be in the session's room right now; the stage (host, guests,
 * moderators) signal each other; a viewer only the host, and the host any viewer.
 * `senderInRoom` is the transport's word that the sending socket joined the room.
 */
export function createSignalingService(deps: SignalingDeps) {
  async function authorize(actor: Actor | null, sessionId: string, to: string, senderInRoom: boolean): Promise<{ from: string }> {
    if (!actor) throw fail.unauthorized('Sign in to take part in a call');
    if (!senderInRoom) throw fail.forbidden('Join the session first');
    if (to === actor.userId) throw fail.invalidInput('You cannot signal yourself');
    const session = await deps.storage.sessions.findById(sessionId);
    if (!session) throw fail.notFound('Session');
    if (session.state === 'ending' || session.state === 'ended') throw fail.invalidTransition(session.state, 'signal in');
    if (await deps.storage.moderation.findBan(sessionId, actor.userId)) throw fail.banned();
    if (!(await deps.presence.isConnected(sessionId, to))) throw fail.notFound('Peer');
    const [fromRole, toRole] = await Promise.all([roleIn(deps, session, actor.userId), roleIn(deps, session, to)]);
    if (fromRole === 'viewer' && toRole !== 'host') throw fail.forbidden('Viewers may signal only the host');
    if (toRole === 'viewer' && fromRole !== 'host') throw fail.forbidden('Only the host may signal viewers');
    return { from: actor.userId };
  }

  return { authorize };
}
