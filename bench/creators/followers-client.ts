/**
 * A sample of a creator's followers, signed in on their own sockets, in a process of its own (the relay's
 * work is measured, not the clients'). Connects on `connect`, then on `watch` stamps when each socket
 * first receives `notification:new` for that notification, and reports once all have (or at the timeout).
 */
import type { Socket } from 'socket.io-client';
import { NotificationNewEvent } from '../../protocol/notifications.js';
import { connect } from '../raid/client.js';
import { epochNow, ToFollowers, type FromFollowers } from './followers-messages.js';

const CONNECT_CONCURRENCY = 100;
const CONNECT_TIMEOUT_MS = 60_000;
const send = (message: FromFollowers) => process.send?.(message);
const sockets: Socket[] = [];

interface Watch {
  notificationId: string;
  /** Socket index → arrival (epoch ms). */
  arrivals: Map<number, number>;
  done: () => void;
}
let watch: Watch | null = null;

async function connectAll(urls: string[], tokens: string[]): Promise<void> {
  let failed = 0;
  let firstError: string | null = null;
  for (let i = 0; i < tokens.length; i += CONNECT_CONCURRENCY) {
    const batch = tokens.slice(i, i + CONNECT_CONCURRENCY).map((token, j) =>
      connect(urls[(i + j) % urls.length] ?? '', { token, timeoutMs: CONNECT_TIMEOUT_MS }).catch((err: unknown) => {
        failed++;
        firstError ??= err instanceof Error ? err.message : String(err);
        return null;
      }),
    );
    for (const socket of await Promise.all(batch)) if (socket) listen(socket);
  }
  send({ type: 'connected', count: sockets.length, failed, firstError });
}

function listen(socket: Socket): void {
  const index = sockets.push(socket) - 1;
  socket.on('notification:new', (raw: unknown) => {
    const at = epochNow();
    const event = NotificationNewEvent.safeParse(raw);
    if (!watch || !event.success || event.data.notification.id !== watch.notificationId || watch.arrivals.has(index)) return;
    watch.arrivals.set(index, at);
    if (watch.arrivals.size === sockets.length) watch.done();
  });
}

function startWatch(notificationId: string, timeoutMs: number): void {
  let finished = false;
  const done = () => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    const arrivals = [...current.arrivals.values()];
    watch = null;
    send({ type: 'heard', notificationId, arrivalsEpochMs: arrivals, missing: sockets.length - arrivals.length });
  };
  const timer = setTimeout(done, timeoutMs);
  const current: Watch = { notificationId, arrivals: new Map(), done };
  watch = current;
  send({ type: 'watching' });
  if (sockets.length === 0) done();
}

process.on('message', (raw: unknown) => {
  const message = ToFollowers.safeParse(raw);
  if (!message.success) return;
  const order = message.data;
  if (order.type === 'connect') void connectAll(order.urls, order.tokens);
  else if (order.type === 'watch') startWatch(order.notificationId, order.timeoutMs);
  else {
    for (const socket of sockets) socket.close();
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
