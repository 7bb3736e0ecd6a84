/**
 * Baseline: a bare Socket.IO server with no auth, validation or storage. Args: <mode: each|batch>.
 * `session:join` joins the room; `chat:send` acks and emits the message to the room, either at once
 * (each) or gathered every 50 ms (batch). Sends its port to the parent over IPC.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Server } from 'socket.io';
import { field } from './guards.js';

const mode = process.argv[2] === 'batch' ? 'batch' : 'each';
const BATCH_MS = 50;
const server = http.createServer();
const io = new Server(server, { serveClient: false });
const pending = new Map<string, unknown[]>();

function deliver(room: string, message: unknown): void {
  if (mode === 'each') {
    io.to(room).emit('chat:messages', { sessionId: room, messages: [message] });
    return;
  }
  const batch = pending.get(room);
  if (batch) return void batch.push(message);
  pending.set(room, [message]);
  setTimeout(() => {
    const messages = pending.get(room) ?? [];
    pending.delete(room);
    io.to(room).emit('chat:messages', { sessionId: room, messages });
  }, BATCH_MS);
}

io.on('connection', (socket) => {
  socket.on('session:join', async (payload: unknown, ack: unknown) => {
    const room = String(field(payload, 'sessionId'));
    await socket.join(room);
    if (typeof ack === 'function') ack({ ok: true, messages: [], pins: [] });
  });
  socket.on('chat:send', (payload: unknown, ack: unknown) => {
    const room = String(field(payload, 'sessionId'));
    const message = { id: randomUUID(), sessionId: room, content: field(payload, 'content'), createdAt: new Date().toISOString() };
    if (typeof ack === 'function') ack({ ok: true, message });
    deliver(room, message);
  });
});

server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
