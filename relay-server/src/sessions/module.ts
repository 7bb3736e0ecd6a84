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

const histories = new WeakMap<ModuleContext, JoinHistory>();
function historyOf(ctx: ModuleContext): JoinHistory {
  let history = histories.get(ctx);
  if (!history) {
    history = sharedHistory(() => joinHistory(ctx), ctx);
    histories.set(ctx, history);
  }
  return history;
}

/** One sweeper per relay instance (tests run several relays in one process). */
const sweepers = new Map<ModuleContext, ReturnType<typeof createHostAbsenceSweeper>>();

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
    endMediaOf: (sessionId, userId) => {
      if (ctx.services.has('media')) ctx.services.get('media').endMediaOf(sessionId, userId);
    },
  });
}

export const sessionsModule: RelayModule = {
  name: 'sessions',
  init(ctx) {
    ctx.services.provide('sessions', buildService(ctx));
  },
  http: mountSessionRoutes,
  socket(socket, ctx) {
    registerSessionEvents(socket, ctx, () => historyOf(ctx));
  },
  disconnect: onSessionSocketGone,
  start(ctx) {
    const sweeper = createHostAbsenceSweeper(ctx, ctx.services.get('sessions'));
    sweepers.set(ctx, sweeper);
    sweeper.start();
  },
  stop(ctx?: ModuleContext) {
    for (const [owner, sweeper] of sweepers) {
      if (ctx && owner !== ctx) continue;
      sweeper.stop();
      owner.services.get('sessions').present.stop();
      sweepers.delete(owner);
    }
  },
};
