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
 * and fills it in its `create` with `ctx.services.provide('sessions', service)`.
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

/**
 * Everything a module may use; one per relay instance. No transport types: the socket hook is the
 * module's Socket.io adapter and gets what it needs (the socket, `checkActor`) as arguments.
 */
export interface ModuleContext {
  config: RelayConfig;
  storage: Storage;
  notifier: Notifier;
  presence: Presence;
  clock: Clock;
  services: ServiceRegistry;
  logger: Logger;
}

/**
 * One domain of the relay for one relay instance, as `RelayModule.create` returns it. What the module
 * keeps (timers, caches, budgets) lives in this closure, so two relays in one process share nothing.
 * Lifecycle, in the order of `modules.ts`:
 *   1. `create(ctx)` at build: provide services (`ctx.services.provide`), nothing that runs yet.
 *   2. `http(router)` at build: mount routes on the `/api` router with `mount(router, routes.x, …)`.
 *   3. `socket(socket, checkActor)` for every connected socket: register events with `onEvent(socket, name, checkActor, …)`.
 *      `disconnect(socket)` when it leaves (presence bookkeeping).
 *   4. `start()` once the server listens (timers, sweepers); `close()` at shutdown, in reverse order:
 *      it clears every timer and forgets everything the module holds.
 */
export interface ModuleInstance {
  http?(router: Router): void;
  /** Routes outside /api (media for players and CDNs, e.g. /hls): no JSON body, auth or /api CORS. */
  httpRoot?(router: Router): void;
  socket?(socket: RelaySocket, checkActor: ActorCheck): void;
  disconnect?(socket: RelaySocket): void | Promise<void>;
  start?(): void | Promise<void>;
  close?(): void | Promise<void>;
}

/** A domain of the relay: `create` builds it for one relay instance (see ModuleInstance). */
export interface RelayModule {
  name: string;
  create(ctx: ModuleContext): ModuleInstance;
}
