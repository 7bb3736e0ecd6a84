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

export function createRelayConnection(options: RelayConnectionOptions): RelayConnection {
  const states = new Emitter<{ state: ConnectionState }>();
  let state: ConnectionState = 'connecting';
  let closed = false;
  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    states.emit('state', next);
  };

  const socket: Socket = io(options.url, {
    // Re-read at each attempt: the token may have changed since the last one.
    auth: (cb) => {
      const token = options.getToken();
      cb(token ? { token } : {});
    },
    transports: ['websocket', 'polling'],
    withCredentials: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5_000,
  });

  socket.on('connect', () => setState('connected'));
  socket.on('disconnect', (reason) => {
    if (closed) return setState('offline');
    // The server closed us on purpose (e.g. a kick): socket.io will not retry; we do, once the
    // relay accepts us again the channel re-joins and learns its fate from the ack.
    if (reason === 'io server disconnect') setTimeout(() => !closed && socket.connect(), 1_000);
    setState('reconnecting');
  });
  socket.on('connect_error', () => {
    if (!closed) setState(state === 'connecting' ? 'connecting' : 'reconnecting');
  });
  socket.io.on('reconnect_attempt', () => setState('reconnecting'));

  const onBrowserOffline = () => setState('offline');
  const onBrowserOnline = () => {
    if (closed) return;
    if (socket.connected) return setState('connected');
    setState('reconnecting');
    socket.connect();
  };
  if (typeof window !== 'undefined') {
    window.addEventListener('offline', onBrowserOffline);
    window.addEventListener('online', onBrowserOnline);
  }

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
      socket.on(name, listener);
      return () => socket.off(name, listener);
    },
    reauthenticate() {
      if (closed) return;
      socket.disconnect();
      setState('reconnecting');
      socket.connect();
    },
    close() {
      closed = true;
      if (typeof window !== 'undefined') {
        window.removeEventListener('offline', onBrowserOffline);
        window.removeEventListener('online', onBrowserOnline);
      }
      socket.disconnect();
      setState('offline');
      states.clear();
    },
  };
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
