import type { RelayModule } from '../core/module.js';
import { registerChatEvents } from './events.js';
import { mountChatRoutes } from './routes.js';
import { createChatService, type ChatService } from './service.js';

declare module '../core/module.js' {
  interface Services {
    chat: ChatService;
  }
}

/** How often old messages of ended sessions are purged and idle windows freed. */
const HOUSEKEEPING_EVERY_MS = 60_000;

/** Messages, reactions and pins over HTTP and Socket.io. */
export const chatModule: RelayModule = {
  name: 'chat',
  create(ctx) {
    const chat = createChatService(ctx);
    ctx.services.provide('chat', chat);
    let housekeeping: NodeJS.Timeout | undefined;
    const sweep = () =>
      chat.housekeeping().then(
        (purged) => purged > 0 && ctx.logger.info({ purged }, 'purged old chat messages of ended sessions'),
        (err: unknown) => ctx.logger.warn({ err }, 'chat housekeeping failed; will retry'),
      );
    return {
      http: (router) => mountChatRoutes(router, () => chat, ctx.presence),
      socket: (socket, checkActor) => registerChatEvents(socket, checkActor, () => chat),
      start() {
        housekeeping = setInterval(sweep, Math.min(HOUSEKEEPING_EVERY_MS, ctx.config.chatMessageRetentionMs));
        housekeeping.unref();
        void sweep();
      },
      async close() {
        clearInterval(housekeeping);
        housekeeping = undefined;
        await chat.close();
      },
    };
  },
};
