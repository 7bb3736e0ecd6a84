import { rooms } from '../../../protocol/rooms.js';
import { fail } from '../core/errors.js';
import { onEvent, type ActorCheck, type RelaySocket } from '../realtime/on-event.js';
import type { SignalBudget } from './budget.js';
import type { SignalingService } from './service.js';

/**
 * `signal`: the relay stamps `from` with the sender's own id and delivers only to the recipient's
 * sockets that are in the same session's room (fetchSockets reaches every node with the Redis adapter).
 */
export function registerSignalEvents(socket: RelaySocket, checkActor: ActorCheck, signaling: () => SignalingService, budget: SignalBudget): void {
  onEvent(socket, 'signal', checkActor, async ({ sessionId, to, data }, { actor }) => {
    const wait = budget.take(socket.id, JSON.stringify(data).length);
    // The host is exempt, as from chat limits: a reloaded studio re-greets every P2P viewer at once, and
    // its own session is the only one it can reach. Looked up only once the budget is spent.
    if (wait > 0 && !(actor && (await signaling().isHost(sessionId, actor.userId)))) {
      throw fail.rateLimited(wait, 'Too many signaling messages, slow down');
    }
    const room = rooms.session(sessionId);
    const { from } = await signaling().authorize(actor, sessionId, to, data.channel, socket.rooms.has(room));
    const targets = (await socket.nsp.in(rooms.user(to)).fetchSockets()).filter((s) => s.rooms.has(room));
    if (targets.length === 0) throw fail.notFound('Peer');
    for (const target of targets) target.emit('signal', { sessionId, from, data });
    return {};
  });
}
