/**
 * The audience, in its own process: opens N anonymous Socket.IO connections (websocket transport,
 * loopback), then on `join` has every one emit `session:join` at once and times each acknowledgement.
 * Args: <url> <sessionId> <count> [tokens file: a JSON array, one token per client].
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { z } from 'zod';
import { ToClients, type FromClients } from './messages.js';

const [url = '', sessionId = '', countArg = '0', tokensFile = ''] = process.argv.slice(2);
const tokens = tokensFile ? z.array(z.string()).parse(JSON.parse(fs.readFileSync(tokensFile, 'utf8'))) : [];
const count = Number(countArg);
const CONNECT_CONCURRENCY = 100;
const JOIN_TIMEOUT_MS = 120_000;
const Ack = z.object({ ok: z.boolean(), error: z.object({ code: z.string() }).optional() }).loose();
const send = (message: FromClients) => process.send?.(message);
const sockets: Socket[] = [];

function connectOne(token: string | undefined): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const auth = token ? { token } : {};
    const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, timeout: 60_000, auth });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function connectAll(): Promise<void> {
  for (let i = 0; i < count; i += CONNECT_CONCURRENCY) {
    const batch = Math.min(CONNECT_CONCURRENCY, count - i);
    sockets.push(...(await Promise.all(Array.from({ length: batch }, (_, j) => connectOne(tokens[i + j])))));
  }
}

async function joinAll(): Promise<FromClients> {
  let failures = 0;
  let firstError: string | null = null;
  const latenciesMs = await Promise.all(
    sockets.map(async (socket) => {
      const started = performance.now();
      const ack = Ack.safeParse(await socket.timeout(JOIN_TIMEOUT_MS).emitWithAck('session:join', { sessionId }).catch((e: unknown) => ({ ok: false, error: { code: String(e) } })));
      const elapsed = performance.now() - started;
      if (!ack.success || !ack.data.ok) {
        failures += 1;
        firstError ??= ack.success ? (ack.data.error?.code ?? 'refused') : 'bad ack';
      }
      return elapsed;
    }),
  );
  return { type: 'joined', latenciesMs, failures, firstError };
}

process.on('message', (raw: unknown) => {
  const message = ToClients.safeParse(raw);
  if (!message.success) return;
  if (message.data.type === 'join') void joinAll().then(send);
  else {
    for (const socket of sockets) socket.close();
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
await connectAll();
send({ type: 'connected', count: sockets.length });
