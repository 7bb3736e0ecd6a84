/**
 * A benchmark process holding many viewer sockets in one session's room. Args: <url> <sessionId> <count>.
 * Counts `chat:messages` deliveries and their send-to-receive latency; driven over IPC (messages.ts).
 */
import { io as connect, type Socket } from 'socket.io-client';
import { field } from './guards.js';
import { FromWorker, ToWorker, record, sentAtOf, toHistogram } from './messages.js';

const [url = '', sessionId = '', countArg = '0'] = process.argv.slice(2);
const count = Number(countArg);
const sockets: Socket[] = [];
let delivered = 0;
let frames = 0;
let histogram = new Map<number, number>();

const send = (message: FromWorker) => process.send?.(message);

function onMessages(payload: unknown): void {
  const messages = field(payload, 'messages');
  if (!Array.isArray(messages)) return;
  frames++;
  const now = Date.now();
  for (const message of messages) {
    const content = field(message, 'content');
    const sentAt = typeof content === 'string' ? sentAtOf(content) : null;
    if (sentAt === null) continue;
    delivered++;
    record(histogram, now - sentAt);
  }
}

async function joinOne(): Promise<boolean> {
  const socket = connect(url, { transports: ['websocket'], forceNew: true, reconnection: false });
  sockets.push(socket);
  socket.on('chat:messages', onMessages);
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const ack: unknown = await socket.timeout(30_000).emitWithAck('session:join', { sessionId });
    return field(ack, 'ok') === true;
  } catch {
    return false;
  }
}

async function joinAll(): Promise<void> {
  let connected = 0;
  // A few dozen at a time: a join storm is another benchmark.
  for (let i = 0; i < count; i += 25) {
    const batch = await Promise.all(Array.from({ length: Math.min(25, count - i) }, () => joinOne()));
    connected += batch.filter(Boolean).length;
  }
  send({ type: 'ready', connected, failed: count - connected });
}

process.on('message', (raw: unknown) => {
  const message = ToWorker.safeParse(raw);
  if (!message.success) return;
  if (message.data.type === 'measure') {
    delivered = 0;
    frames = 0;
    histogram = new Map();
  } else if (message.data.type === 'report') {
    send({ type: 'report', count: delivered, failed: 0, frames, histogram: toHistogram(histogram) });
  } else if (message.data.type === 'stop') {
    for (const socket of sockets) socket.close();
    process.exit(0);
  }
});

void joinAll();
