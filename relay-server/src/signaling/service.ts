import { isStage, type Role } from '../../../protocol/sessions.js';
import { SIGNAL_CHANNELS, type SignalChannel } from '../../../protocol/signaling.js';
import type { Actor } from '../core/actor.js';
import { fail } from '../core/errors.js';
import type { Presence } from '../core/ports.js';
import { transportFor, type MediaConfig } from '../media/config.js';
import type { Repositories, SessionRecord } from '../storage/types.js';

export interface SignalingDeps {
  storage: Pick<Repositories, 'sessions' | 'participants' | 'moderation'>;
  presence: Presence;
  media: MediaConfig;
}

/** A signed-in member of the room without a stage role is a viewer. */
async function roleIn(deps: SignalingDeps, session: SessionRecord, userId: string): Promise<Role> {
  if (userId === session.hostId) return 'host';
  const record = await deps.storage.participants.find(session.id, userId);
  return record && record.leftAt === null ? record.role : 'viewer';
}

export type SignalingService = ReturnType<typeof createSignalingService>;

/**
 * Who may signal whom, per link channel; both ends must be in the session's room right now.
 * - `program`: the host and one other member, and only while the session's media is P2P. With WHIP/WHEP
 *   the relay is the only media peer viewers get, which keeps the streamer's LAN and public addresses
 *   out of strangers' hands (what Twitch/YouTube viewers never see either).
 * - `guest` (the stage mesh): only between current stage members (host, guests, moderators). A viewer
 *   who names this channel would otherwise get the studio to receive their camera: refused.
 * A signal without a channel belongs to no link and is refused.
 * `senderInRoom` is the transport's word that the sending socket joined the room.
 */
export function createSignalingService(deps: SignalingDeps) {
  async function authorize(
    actor: Actor | null,
    sessionId: string,
    to: string,
    channel: SignalChannel | undefined,
    senderInRoom: boolean,
  ): Promise<{ from: string }> {
    if (!actor) throw fail.unauthorized('Sign in to take part in a call');
    if (!senderInRoom) throw fail.forbidden('Join the session first');
    if (to === actor.userId) throw fail.invalidInput('You cannot signal yourself');
    if (!channel) throw fail.forbidden('A signal must name its link (program or guest)');
    const session = await deps.storage.sessions.findById(sessionId);
    if (!session) throw fail.notFound('Session');
    if (session.state === 'ending' || session.state === 'ended') throw fail.invalidTransition(session.state, 'signal in');
    if (await deps.storage.moderation.findBan(sessionId, actor.userId)) throw fail.banned();
    if (!(await deps.presence.isConnected(sessionId, to))) throw fail.notFound('Peer');
    const [fromRole, toRole] = await Promise.all([roleIn(deps, session, actor.userId), roleIn(deps, session, to)]);
    if (channel === SIGNAL_CHANNELS.program) {
      if (transportFor(deps.media, session) !== 'p2p') throw fail.forbidden('This session’s program goes through the relay, not a direct link');
      if (fromRole !== 'host' && toRole !== 'host') throw fail.forbidden('Viewers may signal only the host');
    } else if (!isStage(fromRole) || !isStage(toRole)) {
      throw fail.forbidden('Only people on stage link with each other');
    }
    return { from: actor.userId };
  }

  /** Whether `userId` hosts the session (the host's own signaling is not budgeted: see socket.ts). */
  async function isHost(sessionId: string, userId: string): Promise<boolean> {
    return (await deps.storage.sessions.findById(sessionId))?.hostId === userId;
  }

  return { authorize, isHost };
}
