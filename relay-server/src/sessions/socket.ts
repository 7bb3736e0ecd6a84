import type { Message } from '../../../protocol/chat.js';
import { rooms } from '../../../protocol/rooms.js';
import { isStage } from '../../../protocol/sessions.js';
import type { ModuleContext } from '../core/module.js';
import type { Actor } from '../core/actor.js';
import { fail } from '../core/errors.js';
import { onEvent, type ActorCheck, type RelaySocket } from '../realtime/on-event.js';
import { accessLoadedSession } from './access.js';
import { assertMayEnter } from './membership.js';
import { sessionLocks, viewersKey } from './keyed-lock.js';
import type { SessionsService } from './service.js';

/** Chat history a joining socket receives; provided by the chat module. */
export interface JoinHistory {
  messages(sessionId: string, afterMessageId: string | undefined): Promise<Message[]>;
  pins(sessionId: string): Promise<Message[]>;
}


/**
 * MAX_LIVE_VIEWERS: a socket that is not already counted may not push the count past it. Anonymous
 * sockets yield: someone signed in (an account or a guest name) takes the seat of an anonymous one,
 * as a raid of anonymous tabs must never lock out the real audience. Anonymous sockets are also capped
 * per client address (MAX_ANONYMOUS_VIEWERS_PER_ADDRESS): past it, the viewer picks a name (a guest
 * account) and is admitted normally, so a school or office behind one NAT still gets in.
 */
async function assertViewerSeat(ctx: ModuleContext, socket: RelaySocket, sessionId: string, actor: Actor | null): Promise<void> {
  const counted = actor ? await ctx.presence.isConnected(sessionId, actor.userId) : socket.rooms.has(rooms.session(sessionId));
  if (counted) return;
  if (!actor && (await ctx.presence.anonymousFrom(sessionId, socket.data.address)) >= ctx.config.maxAnonymousViewersPerAddress) {
    throw fail.unauthorized('Many people are watching from your network: pick a name to join');
  }
  if ((await ctx.presence.viewerCount(sessionId)) < ctx.config.maxLiveViewers) return;
  if (!actor || !(await ctx.presence.yieldAnonymousSeat(sessionId))) throw fail.sessionFull('The session has reached its viewer limit');
}

/** Socket events of the sessions domain: joining and leaving a session's room. */
export function registerSessionEvents(socket: RelaySocket, ctx: ModuleContext, checkActor: ActorCheck, history: () => JoinHistory): void {
  const sessions = (): SessionsService => ctx.services.get('sessions');

  onEvent(socket, 'session:join', checkActor, async ({ sessionId, afterMessageId }, { actor }) => {
    const room = rooms.session(sessionId);
    const record = await sessions().sharedRecord(sessionId);
    if (!record) throw fail.notFound('Session');
    const access = await accessLoadedSession(ctx.storage, record, actor);
    // Signed in: enterWith re-checks the ban and the session's state; anonymous: only the state.
    const role = actor ? (await sessions().enterWith(access)).record.role : null;
    if (!actor) await assertMayEnter(ctx.storage, record, null);
    // The seat check and the join are one step per session, so concurrent joins cannot pass the cap together.
    await sessionLocks.run(viewersKey(sessionId), async () => {
      if (!isStage(role)) await assertViewerSeat(ctx, socket, sessionId, actor);
      await socket.join(room);
    });
    socket.data.sessions.add(sessionId);
    const present = sessions().present;
    const [session, participants, messages, pins] = await Promise.all([
      present.sessionForJoin(access.session),
      present.stageRosterForJoin(sessionId),
      history().messages(sessionId, afterMessageId),
      history().pins(sessionId),
    ]);
    if (isStage(role)) await present.broadcastParticipants(sessionId);
    present.scheduleViewerCount(sessionId);
    // Read last, with no await before the reply: a later `hls:health` reaches this socket after it.
    const hlsHealth = ctx.services.has('hls') ? ctx.services.get('hls').health(sessionId) : 'ok';
    return { session, participants, messages, pins, hlsHealth };
  });

  onEvent(socket, 'session:leave', checkActor, async ({ sessionId }) => {
    await socket.leave(rooms.session(sessionId));
    socket.data.sessions.delete(sessionId);
    await afterLeaving(ctx, sessionId, socket.data.actor?.userId ?? null);
    return {};
  });
}

/** Recounts viewers and refreshes the stage's `connected` flags once a socket left a room. */
export async function afterLeaving(ctx: ModuleContext, sessionId: string, userId: string | null): Promise<void> {
  const present = ctx.services.get('sessions').present;
  present.scheduleViewerCount(sessionId);
  const participant = userId ? await ctx.storage.participants.find(sessionId, userId) : null;
  if (participant && participant.leftAt === null && isStage(participant.role)) await present.broadcastParticipants(sessionId);
}

/** A socket went away: every room it had joined recounts. */
export async function onSessionSocketGone(socket: RelaySocket, ctx: ModuleContext): Promise<void> {
  const userId = socket.data.actor?.userId ?? null;
  for (const sessionId of socket.data.sessions) await afterLeaving(ctx, sessionId, userId);
  socket.data.sessions.clear();
}
