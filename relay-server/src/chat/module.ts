import type { ModuleContext, RelayModule } from '../core/module.js';
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

const sweepers = new Map<ChatService, NodeJS.Timeout>();

function startHousekeeping(ctx: ModuleContext, chat: ChatService): void {
  const sweep = () =>
    chat.housekeeping().then(
      (purged) => purged > 0 && ctx.logger.info({ purged }, 'purged old chat messages of ended sessions'),
      (err: unknown) => ctx.logger.warn({ err }, 'chat housekeeping failed; will retry'),
    );
  const timer = setInterval(sweep, Math.min(HOUSEKEEPING_EVERY_MS, ctx.config.chatMessageRetentionMs));
  timer.unref();
  sweepers.set(chat, timer);
  void sweep();
}

/** Messages, reactions and pins over HTTP and Socket.io. */
export const chatModule: RelayModule = {
  name: 'chat',
  init(ctx) {
    ctx.services.provide('chat', createChatService(ctx));
  },
  http(router, ctx) {
    mountChatRoutes(router, () => ctx.services.get('chat'), ctx.presence);
  },
  socket(socket, ctx) {
    registerChatEvents(socket, ctx.checkActor, () => ctx.services.get('chat'));
  },
  start(ctx) {
    startHousekeeping(ctx, ctx.services.get('chat'));
  },
  async stop(ctx) {
    const stopping = ctx ? [ctx.services.get('chat')] : [...sweepers.keys()];
    for (const chat of stopping) {
      clearInterval(sweepers.get(chat));
      sweepers.delete(chat);
      await chat.close();
    }
  },
};
