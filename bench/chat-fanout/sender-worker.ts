/**
 * A benchmark process that posts chat messages through `chat:send` from several signed-in senders.
 * Args: <url> <sessionId> <tokens as JSON array>. Each message is acknowledged (stored) before it counts.
 */
import { io as connect, type Socket } from 'socket.io-client';
import { z } from 'zod';
import { field } from './guards.js';
import { FromWorker, ToWorker, benchContent, record, toHistogram } from './messages.js';

const [url = '', sessionId = '', tokensArg = '[]'] = process.argv.slice(2);
const tokens = z.array(z.string()).parse(JSON.parse(tokensArg));
const sockets: Socket[] = [];
let acked = 0;
let failed = 0;
const histogram = new Map<number, number>();
const send = (message: FromWorker) => process.send?.(message);

async function connectAll(): Promise<void> {
  for (const token of tokens) {
    const socket = connect(url, { auth: token ? { token } : {}, transports: ['websocket'], forceNew: true, reconnection: false });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    sockets.push(socket);
  }
  send({ type: 'ready', connected: sockets.length, failed: tokens.length - sockets.length });
}

async function sendOne(socket: Socket, n: number): Promise<void> {
  const sentAt = Date.now();
  try {
    const ack: unknown = await socket
      .timeout(10_000)
      .emitWithAck('chat:send', { sessionId, content: benchContent(sentAt, n), clientMessageId: `bench-${process.pid}-${n}` });
    if (field(ack, 'ok') === true) {
      acked++;
      record(histogram, Date.now() - sentAt);
    } else failed++;
  } catch {
    failed++;
  }
}

/** Paced on a fixed schedule (not after each ack), so a slow server meets the same offered load. */
async function sendFor(rate: number, durationMs: number): Promise<void> {
  const started = Date.now();
  const inFlight: Array<Promise<void>> = [];
  for (let n = 0; ; n++) {
    const due = started + (n * 1000) / rate;
    if (due - started >= durationMs) break;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(sendOne(sockets[n % sockets.length]!, n));
  }
  await Promise.all(inFlight);
  send({ type: 'report', count: acked, failed, frames: 0, histogram: toHistogram(histogram) });
}

process.on('message', (raw: unknown) => {
  const message = ToWorker.safeParse(raw);
  if (!message.success) return;
  if (message.data.type === 'send') void sendFor(message.data.rate, message.data.durationMs);
  else if (message.data.type === 'stop') {
    for (const socket of sockets) socket.close();
    process.exit(0);
  }
});

void connectAll();
