import type { Server, Socket } from 'socket.io';
import {
  clientEvents,
  type ClientAck,
  type ClientEventName,
  type ClientReply,
  type ClientToServerEvents,
  type ParsedClientPayload,
  type ServerToClientEvents,
} from '../../../protocol/events.js';
import type { ViewerTransport } from '../../../protocol/hls.js';
import { AppError, fail, toApiError, zodDetails } from '../core/errors.js';
import type { Actor } from '../core/actor.js';
import { logger } from '../core/logger.js';

/** Per-socket data, set at the handshake by the auth module. */
export interface SocketData {
  /** Null for an anonymous watcher. */
  actor: Actor | null;
  /** The token the socket authenticated with, re-checked on every event (logout revokes it). */
  token: string | null;
  /** The client's address as the trusted proxies report it (TRUST_PROXY); the same key as HTTP limits use. */
  address: string;
  /** Sessions whose room this socket joined, for presence bookkeeping. */
  sessions: Set<string>;
  /**
   * sessionId → the path this viewer page plays the live on (`viewer:transport`). A plain object, not a
   * Map: other nodes read it through fetchSockets (the Redis adapter serialises socket data).
   */
  paths: Record<string, ViewerTransport>;
}

export type RelaySocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type RelayIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface EventContext {
  socket: RelaySocket;
  /** Re-validated for this event: null when anonymous or when the token was revoked since. */
  actor: Actor | null;
}

/** Re-checks a socket's identity before each event; provided by the auth module. */
export type ActorCheck = (socket: RelaySocket) => Promise<Actor | null>;

/**
 * Registers one client event: parses the payload with the protocol schema, runs the handler and
 * always acknowledges with `{ok:true, ...}` or `{ok:false, error}`; never throws into Socket.io.
 */
export function onEvent<E extends ClientEventName>(
  socket: RelaySocket,
  name: E,
  checkActor: ActorCheck,
  handler: (payload: ParsedClientPayload<E>, ctx: EventContext) => Promise<ClientReply<E>>,
): void {
  const listener = async (...args: unknown[]) => {
    const last = args[args.length - 1];
    const ack = typeof last === 'function' ? (last as (reply: ClientAck<E>) => void) : () => undefined;
    const reply = await runEvent(socket, name, args[0], checkActor, handler);
    ack(reply);
  };
  // Socket.io types listeners by the event map; the payload is still unknown until parsed below.
  socket.on(name, listener as never);
}

async function runEvent<E extends ClientEventName>(
  socket: RelaySocket,
  name: E,
  raw: unknown,
  checkActor: ActorCheck,
  handler: (payload: ParsedClientPayload<E>, ctx: EventContext) => Promise<ClientReply<E>>,
): Promise<ClientAck<E>> {
  try {
    const parsed = clientEvents[name].payload.safeParse(raw);
    if (!parsed.success) throw fail.invalidInput(`Invalid ${name} payload`, zodDetails(parsed.error.issues));
    const actor = await checkActor(socket);
    const result = await handler(parsed.data as ParsedClientPayload<E>, { socket, actor });
    return { ok: true, ...result } as ClientAck<E>;
  } catch (err) {
    if (!(err instanceof AppError)) logger.error({ err, event: name }, 'unhandled error in socket handler');
    return { ok: false, error: toApiError(err) };
  }
}
