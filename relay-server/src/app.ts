import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { RelayConfig } from './config.js';
import type { Clock } from './core/ports.js';
import { logger as rootLogger } from './core/logger.js';
import { ServiceRegistry, type ModuleContext, type RelayModule } from './core/module.js';
import type { Storage } from './storage/types.js';
import { createStorage } from './storage/index.js';
import { modules as defaultModules } from './modules.js';
import { AuthService } from './auth/service.js';
import { resolveJwtSecret } from './auth/secret.js';
import { DatabaseRevocations, RedisRevocations } from './auth/revocation.js';
import { createOriginPolicy } from './http/origin.js';
import { mediaOriginsOf, noStore, securityHeaders } from './http/security.js';
import { corsMiddleware, preflightDone } from './http/cors.js';
import { jsonBody } from './http/body.js';
import { resolveActor } from './http/actor.js';
import { errorHandler, notFound } from './http/error-handler.js';
import { requestLog } from './http/request-log.js';
import { pagesRouter } from './http/pages.js';
import { compileTrust } from './http/client-address.js';
import { createSocketServer, createActorCheck, installHandshakeAuth } from './realtime/server.js';
import { createNotifier } from './realtime/notifier.js';
import { createPresence } from './realtime/presence.js';
import { EncoderPresence, withEncoders } from './ingest/encoder-presence.js';
import { attachRedisAdapter } from './realtime/redis.js';
import type { RelayIo } from './realtime/on-event.js';
import { RelayMetrics } from './observability/metrics.js';
import { metricsAccess } from './observability/metrics-access.js';
import { healthHandler } from './observability/health.js';

/** Longer than the 60 s upstream keep-alive of nginx and common load balancers. */
const KEEP_ALIVE_MS = 65_000;

/** How long requests in flight may finish at shutdown before their connections are cut. */
const HTTP_DRAIN_MS = 3000;

export interface RelayDeps {
  /** An open storage; when omitted the relay opens one from `config.database` and closes it on close(). */
  storage?: Storage;
  clock?: Clock;
  /** Replaces modules.ts (tests of one module). */
  modules?: readonly RelayModule[];
}

export interface Relay {
  app: express.Express;
  /** The router mounted at /api (its routes are the documented contract: contract/openapi.ts). */
  api: express.Router;
  io: RelayIo;
  storage: Storage;
  ctx: ModuleContext;
  listen(): Promise<{ port: number; url: string }>;
  /** Stops accepting, disconnects every socket, stops modules, closes what the relay opened. Idempotent. */
  close(): Promise<void>;
}

/** Builds the whole relay on one HTTP server: the /api routes, the pages, /healthz, /metrics and Socket.io. */
export async function createRelay(config: RelayConfig, deps: RelayDeps = {}): Promise<Relay> {
  const clock = deps.clock ?? (() => new Date());
  const logger = rootLogger.child({}, { level: config.logLevel });
  const ownsStorage = !deps.storage;
  const storage = deps.storage ?? (await createStorage(config.database));
  const modules = deps.modules ?? defaultModules;

  const app = express();
  // One trust function for Express (req.ip, req.secure) and the Socket.io handshake (socket.data.address).
  const trust = compileTrust(config.trustProxy ?? false);
  app.set('trust proxy', trust);
  app.disable('x-powered-by');
  app.set('etag', false);
  const server = http.createServer(app);
  // Idle keep-alive connections outlive the proxies' in front (nginx and most load balancers keep upstream
  // connections 60 s): with Node's 5 s default the relay closes a socket the proxy is about to reuse, and that
  // request fails (a 502 at the CDN, ECONNRESET for a Node client). headersTimeout must exceed it.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  const originPolicy = createOriginPolicy(config.corsOrigins, config.publicUrl);
  const io = createSocketServer(server, originPolicy);
  const redis = config.redisUrl ? await attachRedisAdapter(io, config.redisUrl, logger) : undefined;

  const revocations = redis ? new RedisRevocations(redis.client, clock) : new DatabaseRevocations(storage.revokedTokens, clock);
  const auth = new AuthService(storage.users, resolveJwtSecret(config.jwtSecret, config.dataDir), clock, revocations);
  const services = new ServiceRegistry();
  services.provide('auth', auth);
  const notifier = createNotifier(io, { singleNode: !redis });
  // Hosts on air through an encoder count as present (see ingest/encoder-presence.ts).
  const encoders = new EncoderPresence();
  services.provide('encoders', encoders);
  const ctx: ModuleContext = {
    config,
    storage,
    notifier,
    presence: withEncoders(createPresence(io, storage, notifier), encoders),
    clock,
    services,
    logger,
  };
  const built = modules.map((m) => ({ name: m.name, instance: m.create(ctx) }));
  const checkActor = createActorCheck(auth);

  const metrics = new RelayMetrics(io, storage.sessions);
  app.use(metrics.httpMiddleware(), requestLog(logger), securityHeaders);
  app.get('/healthz', healthHandler(storage));
  app.get('/metrics', metricsAccess(config.metricsToken), (req, res) => metrics.handler(req, res));

  const api = express.Router();
  api.use(noStore, corsMiddleware(originPolicy), jsonBody, resolveActor(auth));
  for (const m of built) m.instance.http?.(api);
  api.use(preflightDone, notFound);
  app.use('/api', api);
  const root = express.Router();
  for (const m of built) m.instance.httpRoot?.(root);
  app.use(root);
  if (config.webRoot) app.use(pagesRouter(config.webRoot, mediaOriginsOf([config.hls?.publicUrl, config.media?.external?.whepUrl])));
  app.use(notFound);
  app.use(errorHandler);

  installHandshakeAuth(io, auth, trust);
  io.on('connection', (socket) => {
    metrics.countSocketEvents(socket);
    for (const m of built) {
      try {
        m.instance.socket?.(socket, checkActor);
      } catch (err) {
        logger.error({ err, module: m.name }, 'socket hook failed');
      }
    }
    socket.on('disconnect', () => {
      for (const m of built) {
        Promise.resolve(m.instance.disconnect?.(socket)).catch((err: unknown) => logger.error({ err, module: m.name }, 'disconnect hook failed'));
      }
    });
  });

  let closing: Promise<void> | undefined;

  const listen = async () => {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const port = (server.address() as AddressInfo).port;
    for (const m of built) await m.instance.start?.();
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    return { port, url: `http://${host}:${port}` };
  };

  const shutdown = async () => {
    // io.close() disconnects every socket and closes the HTTP server (no new connections); requests
    // in flight get a short grace period before their connections are cut.
    const closed = new Promise<void>((resolve) => io.close(() => resolve()));
    server.closeIdleConnections();
    const cut = setTimeout(() => server.closeAllConnections(), HTTP_DRAIN_MS);
    await closed;
    clearTimeout(cut);
    // One module failing to stop must not keep the others (or the database) open.
    // Modules are closed even when the relay never listened: what `create` set up is released too.
    for (const m of [...built].reverse()) {
      await Promise.resolve(m.instance.close?.()).catch((err: unknown) => logger.error({ err, module: m.name }, 'module failed to stop'));
    }
    await redis?.close();
    if (ownsStorage) await storage.close();
  };

  return {
    app,
    api,
    io,
    storage,
    ctx,
    listen,
    close: () => (closing ??= shutdown()),
  };
}
