/** Synthetic viewers and chatters: real Socket.io clients speaking the protocol's events. */
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../protocol/events.js';
import type { OperatorGuest } from '../../protocol/operator.js';
import type { Figures } from './figures.js';
import { newClientMessageId } from './relay.js';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const JOIN_TIMEOUT_MS = 15_000;

/** Connects and joins the live; resolves with the socket, or null (counted as an error) when refused. */
async function joinAs(base: string, guest: OperatorGuest, sessionId: string, figures: Figures): Promise<ClientSocket | null> {
  const socket: ClientSocket = io(base, { auth: { token: guest.token }, transports: ['websocket'], reconnection: false, forceNew: true });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('connect_timeout')), JOIN_TIMEOUT_MS);
      socket.once('connect', () => (clearTimeout(timer), resolve()));
      socket.once('connect_error', (err) => (clearTimeout(timer), reject(err)));
    });
    const ack = await socket.timeout(JOIN_TIMEOUT_MS).emitWithAck('session:join', { sessionId });
    if (!ack.ok) {
      figures.error(ack.error.code);
      socket.disconnect();
      return null;
    }
    return socket;
  } catch (err) {
    figures.error(err instanceof Error ? err.message : 'connect_error');
    socket.disconnect();
    return null;
  }
}

/** A viewer: counts every chat message it receives and, for the tool's own, the delivery latency. */
export async function startViewer(base: string, guest: OperatorGuest, sessionId: string, figures: Figures): Promise<ClientSocket | null> {
  const socket = await joinAs(base, guest, sessionId, figures);
  if (!socket) {
    figures.viewersFailed += 1;
    return null;
  }
  figures.viewersJoined += 1;
  socket.on('chat:messages', ({ messages }) => {
    const now = performance.now();
    for (const m of messages) {
      const sentAt = m.clientMessageId ? figures.inFlight.get(m.clientMessageId) : undefined;
      if (sentAt === undefined) continue;
      figures.delivered += 1;
      figures.latencies.push(now - sentAt);
    }
  });
  socket.on('disconnect', (reason) => {
    if (reason !== 'io client disconnect') figures.error(`disconnected: ${reason}`);
  });
  return socket;
}

export async function startChatter(base: string, guest: OperatorGuest, sessionId: string, figures: Figures): Promise<ClientSocket | null> {
  const socket = await joinAs(base, guest, sessionId, figures);
  if (socket) figures.chattersJoined += 1;
  return socket;
}

/** Sends one chat line from `socket`, timed from the emit. */
export function sendChat(socket: ClientSocket, sessionId: string, seq: number, figures: Figures): void {
  const clientMessageId = newClientMessageId();
  figures.inFlight.set(clientMessageId, performance.now());
  socket
    .timeout(10_000)
    .emitWithAck('chat:send', { sessionId, content: `load ${seq}`, clientMessageId })
    .then((ack) => {
      if (ack.ok) figures.sent += 1;
      else {
        figures.sendFailed += 1;
        figures.error(ack.error.code);
      }
    })
    .catch(() => {
      figures.sendFailed += 1;
      figures.error('ack_timeout');
    });
}
