import type { NextFunction, Request, Response } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { clientEvents } from '../../../protocol/events.js';
import { SessionState } from '../../../protocol/sessions.js';
import type { SessionRepo } from '../storage/types.js';
import type { RelayIo, RelaySocket } from '../realtime/on-event.js';
import { routePattern } from '../http/request-log.js';

/** States counted on scrape; `ended` sessions only grow, so they are left out. */
const OPEN_STATES = SessionState.options.filter((s) => s !== 'ended');
const KNOWN_EVENTS = new Set<string>(Object.keys(clientEvents));

/** The relay's Prometheus metrics, in a registry of its own (several relays may share a process in tests). */
export class RelayMetrics {
  readonly registry = new Registry();
  private readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  private readonly socketEvents: Counter<'event'>;

  constructor(io: RelayIo, sessions: SessionRepo) {
    collectDefaultMetrics({ register: this.registry, prefix: 'relay_' });
    new Gauge({
      name: 'relay_connected_sockets',
      help: 'Socket.io connections open on this node',
      registers: [this.registry],
      collect() {
        this.set(io.of('/').sockets.size);
      },
    });
    new Gauge({
      name: 'relay_sessions',
      help: 'Sessions not ended, by state',
      labelNames: ['state'],
      registers: [this.registry],
      async collect() {
        const open = await sessions.listByState([...OPEN_STATES]);
        for (const state of OPEN_STATES) this.set({ state }, open.filter((s) => s.state === state).length);
      },
    });
    this.httpDuration = new Histogram({
      name: 'relay_http_request_duration_seconds',
      help: 'HTTP request latency by route pattern',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    this.socketEvents = new Counter({
      name: 'relay_socket_events_total',
      help: 'Socket.io events received from clients',
      labelNames: ['event'],
      registers: [this.registry],
    });
  }

  httpMiddleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      const end = this.httpDuration.startTimer();
      res.on('finish', () => end({ method: req.method, route: routePattern(req), status: String(res.statusCode) }));
      next();
    };
  }

  countSocketEvents(socket: RelaySocket): void {
    socket.onAny((event: unknown) => {
      this.socketEvents.inc({ event: typeof event === 'string' && KNOWN_EVENTS.has(event) ? event : 'unknown' });
    });
  }

  /** The exposition for GET /metrics. */
  async handler(_req: Request, res: Response): Promise<void> {
    res.setHeader('Content-Type', this.registry.contentType);
    res.send(await this.registry.metrics());
  }
}
