/**
 * `npm run bench raid`: one public live with real viewers (signed-in guests on their own sockets from
 * 127.0.0.1, a few of them chatting), measured calm and then during a raid, in the same run. The raid runs
 * in its own process (raider.ts) from a second loopback address, 127.0.0.2, as a raid from one network:
 *  - anonymous sockets joining and leaving the session in a loop (the per-address cap refuses most);
 *  - half-open WHEP offers kept in flight (the per-address and node caps on pending peers refuse most);
 *  - a chat flooder at 50 msg/s and a reaction flooder at 50/s (per-user limits refuse most);
 *  - PATCH amplification: a viewer PATCHing its own participant entry 50 times a second;
 *  - a signal flooder aiming at the host (refused: public lives go through the forwarder).
 * Reports the real viewers' chat delivery p50/p99 and join p99, the relay's CPU during each phase, its RSS
 * and open files before, right after and 30 s after the raid, and how many raid actions were refused.
 * The issue's scale by default (2,000 viewers, 500 anonymous, 200 half-open offers); RAID_VIEWERS,
 * RAID_ANONYMOUS, RAID_HALF_OPEN_WHEP, RAID_SECONDS override.
 * Writes bench/results/raid.json.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import readline from 'node:readline';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Socket } from 'socket.io-client';
import { z } from 'zod';
import { SessionReply } from '../../protocol/sessions.js';
import { AuthReply } from '../../protocol/users.js';
import { cpuSeconds } from '../sfu/cpu.js';
import { connect as connectSocket, emit as emitAck } from './client.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const resultsFile = path.join(here, '..', 'results', 'raid.json');
const VIEWERS = Number(process.env.RAID_VIEWERS ?? 2000);
const CHATTERS = Math.min(20, VIEWERS);
const ANONYMOUS = Number(process.env.RAID_ANONYMOUS ?? 500);
const HALF_OPEN_WHEP = Number(process.env.RAID_HALF_OPEN_WHEP ?? 200);
/** The raid's one address: any 127.x.y.z reaches the relay on Linux loopback. */
const RAID_ADDRESS = '127.0.0.2';
const PHASE_SECONDS = Number(process.env.RAID_SECONDS ?? 15);
const CHAT_EVERY_MS = 1000;
const FLOOD_PER_SECOND = 50;
/**
 * RAID_TARGET=decoy: a control run. The raid hits a second relay process on the same machine instead of
 * the measured one, so the machine carries the same load while the measured relay handles none of it:
 * whatever the real viewers' figures lose then is the machine's share, not the relay's.
 */
const DECOY = process.env.RAID_TARGET === 'decoy';
const ChatMessages = z.object({ messages: z.array(z.object({ content: z.string() }).loose()) }).loose();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface RelayChild {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

async function startRelay(dataDir: string): Promise<RelayChild> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const url = `http://127.0.0.1:${port}`;
  // BENCH_PROFILE=<dir>: the relay writes a V8 CPU profile there on its clean exit (open it in Chrome DevTools).
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE)}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'relay-server/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'error',
      WEB_ROOT: 'off',
      // Measured as deployed (development and test add checks, e.g. the SQLite gate's re-entry guard).
      NODE_ENV: 'production',
      MAX_LIVE_VIEWERS: '100000',
      // The real viewers all sign up from loopback in this rig; everything else keeps its defaults.
      SIGNUP_RATE_PER_MINUTE: '1000000',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`relay exited with ${child.exitCode}`);
    if ((await fetch(`${url}/healthz`).catch(() => null))?.ok) break;
    await sleep(200);
  }
  return {
    url,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => {
          rmSync(dataDir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}
const openFiles = (pid: number): number => readdirSync(`/proc/${pid}/fd`).length;

/**
 * The relay's V8 heap (MB) from its own /metrics (open to loopback): in use, and committed by V8 beside
 * RSS. In use tells retained objects (a leak) from garbage awaiting a full collection; committed tells
 * memory V8 keeps after the raid's peak from memory the C allocator keeps.
 */
async function heapMb(url: string): Promise<{ heapUsedMb: number; heapTotalMb: number }> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const gauge = (name: string) => round(Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN) / 2 ** 20);
  return { heapUsedMb: gauge('relay_nodejs_heap_size_used_bytes'), heapTotalMb: gauge('relay_nodejs_heap_size_total_bytes') };
}
async function memory(url: string, pid: number) {
  return { rssMb: round(rssMb(pid)), ...(await heapMb(url)), openFiles: openFiles(pid) };
}

async function post(url: string, route: string, body: unknown, token?: string, method = 'POST'): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${url}${route}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

const connect = (url: string, token?: string): Promise<Socket> => connectSocket(url, { token, timeoutMs: 60_000 });
const emit = (socket: Socket, event: string, payload: unknown) => emitAck(socket, event, payload, 30_000);

const percentile = (values: number[], p: number): number => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const round = (n: number) => Math.round(n * 10) / 10;

interface Audience {
  sockets: Socket[];
  tokens: string[];
  /** Sent chat content → send time (ms). */
  sent: Map<string, number>;
  /** Delivery latencies (ms) seen by every real viewer, reset per phase. */
  delivered: number[];
}

async function buildAudience(url: string, sessionId: string): Promise<Audience> {
  const audience: Audience = { sockets: [], tokens: [], sent: new Map(), delivered: [] };
  for (let i = 0; i < VIEWERS; i += 10) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(10, VIEWERS - i) }, async (_, j) => {
        const { token } = AuthReply.parse((await post(url, '/api/auth/guest', { displayName: `Viewer ${i + j}` })).body);
        const socket = await connect(url, token);
        const ack = await emit(socket, 'session:join', { sessionId });
        if (!ack.ok) throw new Error(`viewer join refused: ${ack.error?.code}`);
        socket.on('chat:messages', (payload: unknown) => {
          const now = performance.now();
          for (const m of ChatMessages.parse(payload).messages) {
            const at = audience.sent.get(m.content);
            if (at !== undefined) audience.delivered.push(now - at);
          }
        });
        return { socket, token };
      }),
    );
    for (const { socket, token } of batch) {
      audience.sockets.push(socket);
      audience.tokens.push(token);
    }
  }
  return audience;
}

/** CHATTERS viewers each say one line a second; returns a stop function. */
function chatter(audience: Audience, sessionId: string, phase: string): () => void {
  let n = 0;
  const timer = setInterval(() => {
    for (const socket of audience.sockets.slice(0, CHATTERS)) {
      const content = `${phase} line ${n++}`;
      audience.sent.set(content, performance.now());
      void emit(socket, 'chat:send', { sessionId, content, clientMessageId: `${phase}-${n}-${Math.random().toString(36).slice(2)}` }).catch(() => undefined);
    }
  }, CHAT_EVERY_MS);
  return () => clearInterval(timer);
}

/** Fresh real viewers joining during the phase: each join's acknowledgement time. */
async function joinWave(url: string, sessionId: string, count: number): Promise<{ times: number[]; failed: number }> {
  const times: number[] = [];
  const sockets: Socket[] = [];
  let failed = 0;
  for (let i = 0; i < count; i++) {
    try {
      const { token } = AuthReply.parse((await post(url, '/api/auth/guest', { displayName: `Late ${i}` })).body);
      const socket = await connect(url, token);
      sockets.push(socket);
      const t0 = performance.now();
      const ack = await emit(socket, 'session:join', { sessionId });
      if (ack.ok) times.push(performance.now() - t0);
      else failed++;
    } catch {
      // A real viewer who could not get in at all (connection refused or timed out) is the worst outcome: counted.
      failed++;
    }
    await sleep((PHASE_SECONDS * 1000) / (count * 2));
  }
  for (const s of sockets) s.close();
  return { times, failed };
}

/** Starts the raid in its own process; resolves once its flooders are in. `stop` returns its tallies. */
async function startRaid(url: string, sessionId: string, hostId: string) {
  const orders = { url, sessionId, hostId, address: RAID_ADDRESS, anonymous: ANONYMOUS, halfOpenWhep: HALF_OPEN_WHEP, floodPerSecond: FLOOD_PER_SECOND };
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'raider.ts')], {
    cwd: root,
    env: { ...process.env, RAID_ORDERS: JSON.stringify(orders) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = readline.createInterface({ input: child.stdout! });
  const next = () => new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`raider exited with ${code}`)));
  });
  const ready = await next();
  if (ready !== 'ready') throw new Error(`raider said ${ready}`);
  return {
    pid: child.pid ?? 0,
    async stop(): Promise<unknown> {
      const tallies = next();
      child.stdin!.write('stop\n');
      return JSON.parse(await tallies) as unknown;
    },
  };
}

async function phase(url: string, sessionId: string, audience: Audience, pid: number, name: string, raid?: { pid: number; stop(): Promise<unknown> }) {
  audience.delivered = [];
  const stopChat = chatter(audience, sessionId, name);
  const cpu0 = cpuSeconds(pid);
  // The whole machine's share: the relay, this process (the real viewers' 2,000 sockets) and the raider
  // all run on the same cores, so past 100 % each waits for the others (see the note in the README).
  const own0 = process.cpuUsage();
  const raider0 = raid ? cpuSeconds(raid.pid) : 0;
  const t0 = performance.now();
  const joins = await joinWave(url, sessionId, 20);
  const left = PHASE_SECONDS * 1000 - (performance.now() - t0);
  if (left > 0) await sleep(left);
  stopChat();
  await sleep(1500); // the last lines arrive
  const seconds = (performance.now() - t0) / 1000;
  const cpuPercent = ((cpuSeconds(pid) - cpu0) / seconds) * 100;
  const own = process.cpuUsage(own0);
  const viewersCpuPercent = ((own.user + own.system) / 1e6 / seconds) * 100;
  const raiderCpuPercent = raid ? ((cpuSeconds(raid.pid) - raider0) / seconds) * 100 : 0;
  const raidActions = await raid?.stop();
  return {
    raidActions,
    phase: name,
    chatDeliveries: audience.delivered.length,
    chatP50Ms: round(percentile(audience.delivered, 50)),
    chatP99Ms: round(percentile(audience.delivered, 99)),
    joinP99Ms: round(percentile(joins.times, 99)),
    joinsFailed: joins.failed,
    relayCpuPercent: round(cpuPercent),
    viewersCpuPercent: round(viewersCpuPercent),
    raiderCpuPercent: round(raiderCpuPercent),
    phaseSeconds: round(seconds),
  };
}

/** A live session on the decoy relay for the raid to hit (RAID_TARGET=decoy). */
async function decoyTarget(decoy: RelayChild): Promise<{ url: string; sessionId: string; hostId: string }> {
  const host = AuthReply.parse((await post(decoy.url, '/api/auth/register', { username: `decoy_${Date.now()}`, password: 'bench raid password' })).body);
  const { session } = SessionReply.parse((await post(decoy.url, '/api/sessions', { title: 'Decoy', type: 'video', isPublic: true }, host.token)).body);
  await post(decoy.url, `/api/sessions/${session.id}/start`, {}, host.token);
  return { url: decoy.url, sessionId: session.id, hostId: session.hostId };
}

export async function run() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'afritok-raid-'));
  const relay = await startRelay(dataDir);
  const decoy = DECOY ? await startRelay(mkdtempSync(path.join(os.tmpdir(), 'afritok-raid-decoy-'))) : null;
  const pid = relay.child.pid ?? 0;
  try {
    const host = AuthReply.parse((await post(relay.url, '/api/auth/register', { username: `raid_${Date.now()}`, password: 'bench raid password' })).body);
    const { session } = SessionReply.parse((await post(relay.url, '/api/sessions', { title: 'Raid bench', type: 'video', isPublic: true }, host.token)).body);
    await post(relay.url, `/api/sessions/${session.id}/start`, {}, host.token);
    const hostSocket = await connect(relay.url, host.token);
    await emit(hostSocket, 'session:join', { sessionId: session.id });
    console.log(`raid: ${VIEWERS} real viewers joining…`);
    const audience = await buildAudience(relay.url, session.id);
    const before = await memory(relay.url, pid);

    const { raidActions: _none, ...calm } = await phase(relay.url, session.id, audience, pid, 'calm');
    console.log('raid: calm phase measured; the raid begins');
    const target = decoy ? await decoyTarget(decoy) : { url: relay.url, sessionId: session.id, hostId: session.hostId };
    const raid = await startRaid(target.url, target.sessionId, target.hostId);
    const { raidActions, ...raided } = await phase(relay.url, session.id, audience, pid, 'raid', raid);
    console.log('raid: over; waiting 30 s for the relay to settle');
    const after = await memory(relay.url, pid);
    await sleep(30_000);
    const settled = await memory(relay.url, pid);

    const result = {
      raidTarget: DECOY ? 'decoy relay (control: the measured relay handles none of the raid)' : 'the measured relay',
      viewers: VIEWERS,
      chatters: CHATTERS,
      anonymousRaiders: ANONYMOUS,
      halfOpenWhepInFlight: HALF_OPEN_WHEP,
      phaseSeconds: PHASE_SECONDS,
      phases: [calm, raided],
      chatP99Ratio: Math.round((raided.chatP99Ms / calm.chatP99Ms) * 100) / 100,
      joinP99Ratio: Math.round((raided.joinP99Ms / calm.joinP99Ms) * 100) / 100,
      relay: { before, rightAfterRaid: after, thirtySecondsLater: settled },
      raidActions,
    };
    console.table(result.phases);
    console.table(raidActions);
    console.table(result.relay);
    console.log(`chat p99 raid/calm: ${result.chatP99Ratio}×, join p99 raid/calm: ${result.joinP99Ratio}× (target ≤ 1.2×)`);
    mkdirSync(path.dirname(resultsFile), { recursive: true });
    writeFileSync(resultsFile, `${JSON.stringify(result, null, 2)}\n`);
    for (const s of [...audience.sockets, hostSocket]) s.close();
    return result;
  } finally {
    await relay.stop();
    await decoy?.stop();
  }
}
