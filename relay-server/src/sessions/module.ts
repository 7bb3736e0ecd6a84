import type { ModuleContext, RelayModule } from '../core/module.js';
import { storageHistory } from './history.js';
import { JOIN_CACHE_TTL_MS } from './join-cache.js';
import { markedCache } from './marked-cache.js';
import { mountSessionRoutes } from './routes.js';
import { createSessionsService, type SessionsService } from './service.js';
import { onSessionSocketGone, registerSessionEvents, type JoinHistory } from './socket.js';
import { createHostAbsenceSweeper } from './timeout.js';

declare module '../core/module.js' {
  interface Services {
    /** Live sessions and their participants; other domains authorise with `accessSession` from access.ts. */
    sessions: SessionsService;
  }
}

/** Join history: the chat module's when it offers one, else read from storage the same way. */
function joinHistory(ctx: ModuleContext): JoinHistory {
  if (!ctx.services.has('chat')) return storageHistory(ctx.storage);
  const chat = ctx.services.get('chat');
  return { messages: (sessionId, afterMessageId) => chat.historyForJoin(sessionId, afterMessageId), pins: (sessionId) => chat.pins(sessionId) };
}

/** Joins of one session share one history read while the room hears of no change (see marked-cache.ts). */
function sharedHistory(source: () => JoinHistory, ctx: ModuleContext): JoinHistory {
  const options = { ttlMs: JOIN_CACHE_TTL_MS, mark: (id: string) => ctx.notifier.changeMark(id) };
  const messages = markedCache({ ...options, sessionOf: (key: string) => key.split(' ')[0] ?? '' }, (key) => {
    const [sessionId = '', after = ''] = key.split(' ');
    return source().messages(sessionId, after || undefined);
  });
  const pins = markedCache({ ...options, sessionOf: (id: string) => id }, (sessionId) => source().pins(sessionId));
  return { messages: (sessionId, afterMessageId) => messages(`${sessionId} ${afterMessageId ?? ''}`), pins };
}

function buildService(ctx: ModuleContext): SessionsService {
  return createSessionsService({
    storage: ctx.storage,
    notifier: ctx.notifier,
    presence: ctx.presence,
    clock: ctx.clock,
    config: ctx.config,
    wentLive: (session) => {
      if (!ctx.services.has('notifications')) return;
      ctx.services
        .get('notifications')
        .sessionWentLive(session)
        .catch((err: unknown) => ctx.logger.error({ err, sessionId: session.id }, 'telling followers failed'));
    },
    liveEnded: async (session) => {
      if (!ctx.services.has('analytics')) return;
      await ctx.services
        .get('analytics')
        .liveEnded(session)
        .catch((err: unknown) => ctx.logger.error({ err, sessionId: session.id }, 'last analytics bucket failed'));
    },
    endMediaOf: (sessionId, userId) => {
      if (ctx.services.has('media')) ctx.services.get('media').endMediaOf(sessionId, userId);
    },
  });
}

export const sessionsModule: RelayModule = {
  name: 'sessions',
  create(ctx) {
    const sessions = buildService(ctx);
    ctx.services.provide('sessions', sessions);
    // Made on the first join: the chat module may be built after this one.
    let history: JoinHistory | undefined;
    const historyOf = () => (history ??= sharedHistory(() => joinHistory(ctx), ctx));
    let sweeper: ReturnType<typeof createHostAbsenceSweeper> | undefined;
    return {
      http: (router) => mountSessionRoutes(router, ctx),
      socket: (socket, checkActor) => registerSessionEvents(socket, ctx, checkActor, historyOf),
      disconnect: (socket) => onSessionSocketGone(socket, ctx),
      start() {
        sweeper = createHostAbsenceSweeper(ctx, sessions);
        sweeper.start();
      },
      close() {
        sweeper?.stop();
        sweeper = undefined;
        sessions.present.stop();
        history = undefined;
      },
    };
  },
};
