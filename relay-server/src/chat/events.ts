import { rooms } from '../../../protocol/rooms.js';
import type { ActorCheck, RelaySocket } from '../realtime/on-event.js';
import { onEvent } from '../realtime/on-event.js';
import type { Origin } from './policy.js';
import type { ChatService } from './service.js';

/** Thin socket adapters: `chat:send` (idempotent like the HTTP route) and `chat:react`. */
export function registerChatEvents(socket: RelaySocket, checkActor: ActorCheck, chat: () => ChatService): void {
  // This socket's own rooms answer "in the room" without asking other nodes.
  const origin: Origin = { inRoom: async (sessionId) => socket.rooms.has(rooms.session(sessionId)) };
  onEvent(socket, 'chat:send', checkActor, async ({ sessionId, content, clientMessageId }, { actor }) => {
    const { message } = await chat().send(actor, sessionId, { content, clientMessageId }, origin);
    return { message };
  });
  onEvent(socket, 'chat:react', checkActor, async ({ sessionId, emoji }, { actor }) => {
    await chat().react(actor, sessionId, emoji, origin);
    return {};
  });
}
