import type { Router } from 'express';
import { routes } from '../../../protocol/routes.js';
import type { Presence } from '../core/ports.js';
import { mount, setSuccessStatus } from '../http/mount.js';
import type { Origin } from './policy.js';
import type { ChatService } from './service.js';

/** An HTTP caller is "in the room" when one of their sockets is. */
const httpOrigin = (presence: Presence): Origin => ({
  inRoom: (sessionId, userId) => presence.isConnected(sessionId, userId),
});

/** Thin HTTP adapters for the chat section of the route table. */
export function mountChatRoutes(router: Router, chat: () => ChatService, presence: Presence): void {
  const origin = httpOrigin(presence);
  mount(router, routes.sendMessage, async ({ params, body, actor, res }) => {
    const { message, created } = await chat().send(actor, params.id, body, origin);
    if (!created) setSuccessStatus(res, 200);
    return { message };
  });
  mount(router, routes.listMessages, async ({ params, query, actor }) => ({ messages: await chat().list(actor, params.id, query) }));
  mount(router, routes.deleteMessage, async ({ params, actor }) => {
    await chat().remove(actor, params.id, params.messageId);
    return undefined;
  });
  mount(router, routes.react, async ({ params, body, actor }) => {
    await chat().react(actor, params.id, body.emoji, origin);
    return {};
  });
  mount(router, routes.reactionCounts, async ({ params, actor }) => ({ counts: await chat().reactionCounts(actor, params.id) }));
  mount(router, routes.pinMessage, async ({ params, actor }) => ({ message: await chat().pin(actor, params.id, params.messageId) }));
  mount(router, routes.unpinMessage, async ({ params, actor }) => ({ message: await chat().unpin(actor, params.id, params.messageId) }));
  mount(router, routes.listPins, async ({ params, actor }) => ({ messages: await chat().listPins(actor, params.id) }));
  mount(router, routes.chatStats, async ({ params, actor }) => chat().stats(actor, params.id));
}
