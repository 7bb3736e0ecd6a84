/**
 * The raid of `npm run bench raid`, in its own process so its work never slows the process that measures
 * the real viewers. Everything here comes from one address (RAID_ADDRESS, a second loopback address: the
 * real viewers connect from 127.0.0.1), as a raid from one network would:
 *  - anonymous sockets joining and leaving the session in a loop;
 *  - half-open WHEP offers: complete offers whose peers never connect, kept at a fixed number in flight;
 *  - a chat flooder and a reaction flooder at 50/s, a participant PATCH loop at 50/s;
 *  - a signal flooder aiming at the host.
 * Reads its orders as JSON in RAID_ORDERS, prints `ready` once every flooder has joined, raids until a line
 * `stop` arrives on stdin, then prints the tallies as one JSON line and exits.
 */
import http from 'node:http';
import readline from 'node:readline';
import type { Socket } from 'socket.io-client';
import { RTCPeerConnection } from 'werift';
import { z } from 'zod';
import { AuthReply } from '../../protocol/users.js';
import { connect as connectSocket, emit as emitAck } from './client.js';

const Orders = z.object({
  url: z.string().url(),
  sessionId: z.string(),
  hostId: z.string(),
  address: z.string(),
  anonymous: z.number().int().min(0),
  halfOpenWhep: z.number().int().min(0),
  floodPerSecond: z.number().positive(),
});
type Orders = z.infer<typeof Orders>;

const orders: Orders = Orders.parse(JSON.parse(process.env.RAID_ORDERS ?? '{}'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An HTTP request from the raid's address (fetch cannot pick its source address without undici). */
function request(method: string, route: string, body: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(route, orders.url), { method, headers, localAddress: orders.address }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
const postJson = (route: string, body: unknown, token?: string, method = 'POST') =>
  request(method, route, JSON.stringify(body), { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) });

const connect = (token?: string): Promise<Socket> => connectSocket(orders.url, { token, timeoutMs: 30_000, localAddress: orders.address });
const emit = (socket: Socket, event: string, payload: unknown) => emitAck(socket, event, payload, 15_000);

interface Tally {
  attempted: number;
  refused: number;
}
const counts = {
  anonymousJoins: { attempted: 0, refused: 0 },
  halfOpenWhep: { attempted: 0, refused: 0 },
  chatFlood: { attempted: 0, refused: 0 },
  reactionFlood: { attempted: 0, refused: 0 },
  patches: { attempted: 0, refused: 0 },
  signals: { attempted: 0, refused: 0 },
} satisfies Record<string, Tally>;
const count = (what: Tally, ok: boolean) => {
  what.attempted++;
  if (!ok) what.refused++;
};

let running = true;

async function anonymousLoop(): Promise<void> {
  while (running) {
    const socket = await connect().catch(() => null);
    if (!socket) {
      count(counts.anonymousJoins, false);
      await sleep(200);
      continue;
    }
    const ack = await emit(socket, 'session:join', { sessionId: orders.sessionId }).catch(() => ({ ok: false }));
    count(counts.anonymousJoins, ack.ok);
    await sleep(200 + Math.random() * 300);
    socket.close();
  }
}

/** One complete recvonly offer (werift gathers loopback candidates); every half-open POST reuses it. */
async function recvonlyOffer(): Promise<string> {
  const pc = new RTCPeerConnection({ iceServers: [], iceUseIpv6: false, bundlePolicy: 'max-bundle' });
  pc.addTransceiver('video', { direction: 'recvonly' });
  pc.addTransceiver('audio', { direction: 'recvonly' });
  await pc.setLocalDescription(await pc.createOffer());
  await sleep(1000);
  const sdp = pc.localDescription?.sdp ?? '';
  await pc.close();
  return sdp;
}

/** Keeps one half-open offer in flight: POST, never answer ICE, offer again when refused or answered. */
async function halfOpenLoop(offer: string): Promise<void> {
  while (running) {
    const res = await request('POST', `/api/whep/${orders.sessionId}`, offer, { 'content-type': 'application/sdp' }).catch(() => ({ status: 0, text: '' }));
    count(counts.halfOpenWhep, res.status === 201);
    // Answered: the relay now holds a peer that will never connect, until its timeout. Refused: back off as told.
    await sleep(res.status === 201 ? 1000 : 2000);
  }
}

async function flooder(name: string) {
  const auth = AuthReply.parse(JSON.parse((await postJson('/api/auth/guest', { displayName: name })).text));
  const socket = await connect(auth.token);
  await emit(socket, 'session:join', { sessionId: orders.sessionId });
  await postJson(`/api/sessions/${orders.sessionId}/join`, {}, auth.token);
  return { socket, token: auth.token, userId: auth.user.id };
}

async function main(): Promise<void> {
  const [chat, react, signal, patch] = await Promise.all(['Flooder', 'Reactor', 'Signaller', 'Patcher'].map(flooder));
  const offer = await recvonlyOffer();
  process.stdout.write('ready\n');
  const loops = [
    ...Array.from({ length: orders.anonymous }, () => anonymousLoop()),
    ...Array.from({ length: orders.halfOpenWhep }, () => halfOpenLoop(offer)),
  ];
  const every = 1000 / orders.floodPerSecond;
  const { sessionId } = orders;
  let n = 0;
  const timers = [
    setInterval(() => {
      void emit(chat!.socket, 'chat:send', { sessionId, content: `spam ${n}`, clientMessageId: `spam-${n++}` }).then((a) => count(counts.chatFlood, a.ok), () => count(counts.chatFlood, false));
    }, every),
    setInterval(() => {
      void emit(react!.socket, 'chat:react', { sessionId, emoji: '🔥' }).then((a) => count(counts.reactionFlood, a.ok), () => count(counts.reactionFlood, false));
    }, every),
    setInterval(() => {
      void postJson(`/api/sessions/${sessionId}/participants/${patch!.userId}`, { videoEnabled: n % 2 === 0 }, patch!.token, 'PATCH').then(
        (r) => count(counts.patches, r.status < 300),
        () => count(counts.patches, false),
      );
    }, every),
    setInterval(() => {
      void emit(signal!.socket, 'signal', { sessionId, to: orders.hostId, data: { restart: true, channel: 'program' } }).then((a) => count(counts.signals, a.ok), () => count(counts.signals, false));
    }, every),
  ];
  for await (const line of readline.createInterface({ input: process.stdin })) {
    if (line.trim() === 'stop') break;
  }
  running = false;
  timers.forEach(clearInterval);
  await Promise.all(loops);
  for (const f of [chat, react, signal, patch]) f?.socket.close();
  process.stdout.write(`${JSON.stringify(counts)}\n`);
  process.exit(0);
}

main().catch((err: unknown) => {
  process.stderr.write(`raider failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
