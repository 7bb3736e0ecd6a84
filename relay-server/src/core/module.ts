import type { Router } from 'express';
import type { RelayConfig } from '../config.js';
import type { Storage } from '../storage/types.js';
import type { ActorCheck, RelaySocket } from '../realtime/on-event.js';
import type { Clock, Notifier, Presence } from './ports.js';
import type { Logger } from './logger.js';

/**
 * Services one module offers the others (e.g. chat asks sessions for access, sessions ask moderation
 * about bans). Each module adds its entry by declaration merging in its own folder:
 *
 *   declare module '../core/module.js' {
 *     interface Services { sessions: SessionsService }
 *   }
 *
 * and fills it in its `init` with `ctx.services.provide('sessions', service)`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface Services {}

/** A typed registry filled at build time, module by module, in the order of `modules.ts`. */
export class ServiceRegistry {
  private readonly entries = new Map<keyof Services, Services[keyof Services]>();

  provide<K extends keyof Services>(name: K, service: Services[K]): void {
    if (this.entries.has(name)) throw new Error(`service ${String(name)} provided twice`);
    this.entries.set(name, service);
  }

  /**
   * The service registered under `name`. Call it when handling a request (not at import time) so that
   * modules may depend on each other whatever their order in the list.
   */
  get<K extends keyof Services>(name: K): Services[K] {
    if (!this.entries.has(name)) throw new Error(`service ${String(name)} is not registered (is its module in modules.ts?)`);
    // The map is keyed so that `provide` only ever stores Services[K] under K.
    return this.entries.get(name) as Services[K];
  }

  has(name: keyof Services): boolean {
    return this.entries.has(name);
  }
}

/** Everything a module may use; one per relay instance. */
export interface ModuleContext {
  config: RelayConfig;
  storage: Storage;
  notifier: Notifier;
  presence: Presence;
  clock: Clock;
  services: ServiceRegistry;
  /** Pass to `onEvent`: re-validates the socket's token before each event. */
  checkActor: ActorCheck;
  logger: Logger;
}

/**
 * One domain of the relay. Lifecycle, in the order of `modules.ts`:
 *   1. `init(ctx)`   at build: provide services (`ctx.services.provide`), nothing else.
 *   2. `http(router, ctx)` at build: mount routes on the `/api` router with `mount(router, routes.x, …)`.
 *   3. `socket(socket, ctx)` for every connected socket: register events with `onEvent(socket, name, ctx.checkActor, …)`.
 *      `disconnect(socket, ctx)` when it leaves (presence bookkeeping).
 *   4. `start(ctx)` once the server listens (timers, sweepers); `stop()` at shutdown, in reverse order.
 */
export interface RelayModule {
  name: string;
  init?(ctx: ModuleContext): void;
  http?(router: Router, ctx: ModuleContext): void;
  /** Routes outside /api (media for players and CDNs, e.g. /hls): no JSON body, auth or /api CORS. */
  httpRoot?(router: Router, ctx: ModuleContext): void;
  socket?(socket: RelaySocket, ctx: ModuleContext): void;
  disconnect?(socket: RelaySocket, ctx: ModuleContext): void | Promise<void>;
  start?(ctx: ModuleContext): void | Promise<void>;
  /** `ctx` tells a module which relay instance stops (tests run several in one process). */
  stop?(ctx?: ModuleContext): void | Promise<void>;
}
