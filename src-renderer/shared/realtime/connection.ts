import { io, type Socket } from 'socket.io-client';
import {
  clientEvents,
  serverEvents,
  type ClientAck,
  type ClientEventName,
  type ClientPayload,
  type ServerEventName,
  type ServerPayload,
} from '../../../protocol/events.js';
import { ApiError } from '../../../protocol/common.js';
import { Emitter } from './emitter.js';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export interface RelayConnectionOptions {
  /** The relay's origin, e.g. `location.origin` or `http://127.0.0.1:3001`. */
  url: string;
  /** Read at every (re)connection, so a new sign-in is picked up by `reauthenticate()`. */
  getToken: () => string | null;
  /** Default acknowledgement timeout for `request`. */
  timeoutMs?: number;
}

export interface RequestOptions {
  timeoutMs?: number;
}

/** The relay's Socket.io connection, typed by protocol/events.ts. */
export interface RelayConnection {
  readonly state: ConnectionState;
  /** Calls `listener` with every state change; returns the unsubscribe function. */
  onState(listener: (state: ConnectionState) => void): () => void;
  /**
   * Emits a client event and resolves with its acknowledgement, parsed with the protocol schema.
   * Never rejects: a timeout, a disconnected socket or a malformed reply give `{ok:false, error}`
   * (codes `unavailable` / `internal`).
   */
  request<E extends ClientEventName>(event: E, payload: ClientPayload<E>, options?: RequestOptions): Promise<ClientAck<E>>;
  /** Subscribes to a server event; payloads failing the protocol schema are dropped. */
  on<E extends ServerEventName>(event: E, handler: (payload: ServerPayload<E>) => void): () => void;
  /** Reconnects with the token `getToken` returns now (after signing in or switching account). */
  reauthenticate(): void;
  /** Closes for good. */
  close(): void;
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** No reconnection activity for this long while disconnected means socket.io has stalled. */
const STALL_MS = 12_000;

export function createRelayConnection(options: RelayConnectionOptions): RelayConnection {
  const states = new Emitter<{ state: ConnectionState }>();
  let state: ConnectionState = 'connecting';
  let closed = false;
  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    states.emit('state', next);
  };

  /** Server-event listeners, re-attached whenever the socket is rebuilt. */
  const subscriptions = new Set<{ name: string; listener: (raw: unknown) => void }>();
  /** Last sign of life of socket.io's own reconnection loop (attempt, error, disconnect). */
  let lastActivity = Date.now();
  const touch = () => {
    lastActivity = Date.now();
  };

  const build = (): Socket => {
    const s: Socket = io(options.url, {
      // Re-read at each attempt: the token may have changed since the last one.
      auth: (cb) => {
        const token = options.getToken();
        cb(token ? { token } : {});
      },
      transports: ['websocket', 'polling'],
      withCredentials: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 5_000,
      forceNew: true,
    });
    s.on('connect', () => {
      touch();
      setState('connected');
    });
    s.on('disconnect', (reason) => {
      touch();
      if (closed) return setState('offline');
      // The server closed us on purpose (e.g. a kick): socket.io will not retry; we do, once the
      // relay accepts us again the channel re-joins and learns its fate from the ack.
      if (reason === 'io server disconnect') setTimeout(() => !closed && s.connect(), 1_000);
      setState('reconnecting');
    });
    s.on('connect_error', () => {
      touch();
      if (!closed) setState(state === 'connecting' ? 'connecting' : 'reconnecting');
    });
    s.io.on('reconnect_attempt', () => {
      touch();
      setState('reconnecting');
    });
    for (const { name, listener } of subscriptions) s.on(name, listener);
    return s;
  };
  let socket = build();

  // socket.io can stall for good when a connection opens and drops before its handshake (seen with
  // proxies that accept then close): no further attempt is ever made. Start over with a new socket.
  const stallWatchdog = setInterval(() => {
    if (closed || socket.connected || Date.now() - lastActivity < STALL_MS) return;
    touch();
    socket.removeAllListeners();
    socket.io.removeAllListeners();
    socket.disconnect();
    socket = build();
  }, STALL_MS / 4);

  const onBrowserOffline = () => setState('offline');
  const onBrowserOnline = () => {
    if (closed) return;
    if (socket.connected) return setState('connected');
    setState('reconnecting');
    socket.connect();
  };
  const network = networkEvents();
  network?.addEventListener('offline', onBrowserOffline);
  network?.addEventListener('online', onBrowserOnline);

  return {
    get state() {
      return state;
    },
    onState: (listener) => states.on('state', listener),
    request: (event, payload, requestOptions) =>
      emitWithAck(socket, event, payload, requestOptions?.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    on(event, handler) {
      const listener = (raw: unknown) => {
        const parsed = serverEvents[event].safeParse(raw);
        if (parsed.success) handler(parsed.data as ServerPayload<typeof event>);
        else console.warn(`dropped malformed ${event} event`, parsed.error.issues);
      };
      // Widened to string: the payload type is established by the parse above, not by socket.io.
      const name: string = event;
      const subscription = { name, listener };
      subscriptions.add(subscription);
      socket.on(subscription.name, listener);
      return () => {
        subscriptions.delete(subscription);
        socket.off(subscription.name, listener);
      };
    },
    reauthenticate() {
      if (closed) return;
      socket.disconnect();
      setState('reconnecting');
      socket.connect();
    },
    close() {
      closed = true;
      clearInterval(stallWatchdog);
      network?.removeEventListener('offline', onBrowserOffline);
      network?.removeEventListener('online', onBrowserOnline);
      socket.disconnect();
      setState('offline');
      states.clear();
    },
  };
}

interface NetworkEvents {
  addEventListener(type: 'online' | 'offline', listener: () => void): void;
  removeEventListener(type: 'online' | 'offline', listener: () => void): void;
}

/** The browser window's online/offline events; null outside a browser (Node tests, workers). */
function networkEvents(): NetworkEvents | null {
  const g: object = globalThis;
  const isWindow = 'addEventListener' in g && 'removeEventListener' in g && 'document' in g;
  // A window: globalThis is an EventTarget that fires `online`/`offline`.
  return isWindow ? (g as NetworkEvents) : null;
}

function failure(code: 'unavailable' | 'internal', message: string): { ok: false; error: ApiError } {
  return { ok: false, error: { code, message } };
}

function emitWithAck<E extends ClientEventName>(
  socket: Socket,
  event: E,
  payload: ClientPayload<E>,
  timeoutMs: number,
): Promise<ClientAck<E>> {
  // Fail fast when disconnected: callers (the outbox, the channel) retry on reconnect themselves,
  // and socket.io's own buffering would send a second copy behind their back.
  if (!socket.connected) return Promise.resolve(failure('unavailable', 'not connected to the relay'));
  return new Promise((resolve) => {
    socket.timeout(timeoutMs).emit(event, payload, (err: Error | null, raw: unknown) => {
      if (err) return resolve(failure('unavailable', `${event}: no acknowledgement within ${timeoutMs} ms`));
      resolve(parseAck(event, raw));
    });
  });
}

/** Parses an acknowledgement with the protocol's reply schema for `event`. */
export function parseAck<E extends ClientEventName>(event: E, raw: unknown): ClientAck<E> {
  if (typeof raw !== 'object' || raw === null || !('ok' in raw)) return failure('internal', `${event}: malformed acknowledgement`);
  if (raw.ok === false) {
    const error = ApiError.safeParse('error' in raw ? raw.error : undefined);
    return error.success ? { ok: false, error: error.data } : failure('internal', `${event}: malformed error`);
  }
  const reply = clientEvents[event].reply.safeParse(raw);
  if (!reply.success) return failure('internal', `${event}: malformed acknowledgement`);
  // The reply schema for E parsed successfully, so this is the ok branch of ClientAck<E>.
  return { ok: true, ...reply.data } as ClientAck<E>;
}
