/**
 * Chat fan-out: 2,000 viewer sockets in one live session while 100 messages a second are posted
 * (senders and viewers in separate processes) for 20 s. Measures delivered/expected, send-to-receive
 * p50/p99, the server's CPU and RSS and frames per viewer, for the relay with storage on and off and
 * for two bare Socket.IO baselines (emit each message; batch every 50 ms). Writes
 * bench/results/chat-fanout.json. Env: BENCH_CHAT_VIEWERS, BENCH_CHAT_SECONDS, BENCH_CHAT_RATE,
 * BENCH_CHAT_ONLY (comma-separated words a scenario's name must contain, e.g. "storage on,batches"),
 * BENCH_PROFILE=<dir> (the relay writes a V8 CPU profile there: open it in Chrome DevTools).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AuthReply } from '../../protocol/users.js';
import { SessionReply } from '../../protocol/sessions.js';
import { cpuSeconds } from '../sfu/cpu.js';
import { exited, startWorker, type Worker } from './worker.js';
import { percentile } from './messages.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const VIEWERS = Number(process.env.BENCH_CHAT_VIEWERS ?? 2000);
const DURATION_MS = Number(process.env.BENCH_CHAT_SECONDS ?? 20) * 1000;
const RATE = Number(process.env.BENCH_CHAT_RATE ?? 100);
const VIEWER_WORKERS = 4;
const SENDERS = 20;
/** After the last ack, deliveries are awaited until their count stops growing (at most this long). */
const SETTLE_MAX_MS = 30_000;
const SETTLE_POLL_MS = 1000;

type Scenario =
  | { name: string; kind: 'relay'; storage: 'on' | 'off' }
  | { name: string; kind: 'bare'; mode: 'each' | 'batch' };

const ALL_SCENARIOS: Scenario[] = [
  { name: 'relay, storage on', kind: 'relay', storage: 'on' },
  { name: 'relay, storage off', kind: 'relay', storage: 'off' },
  { name: 'bare Socket.IO, emit each', kind: 'bare', mode: 'each' },
  { name: 'bare Socket.IO, 50 ms batches', kind: 'bare', mode: 'batch' },
];
const ONLY = (process.env.BENCH_CHAT_ONLY ?? '').split(',').map((w) => w.trim()).filter(Boolean);
const SCENARIOS = ONLY.length > 0 ? ALL_SCENARIOS.filter((s) => ONLY.some((w) => s.name.includes(w))) : ALL_SCENARIOS;
const PROFILE_DIR = process.env.BENCH_PROFILE;

const PortMessage = z.object({ port: z.number().int() });

async function startServer(scenario: Scenario, dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const [file, args] = scenario.kind === 'relay' ? ['relay-server.ts', [scenario.storage, dataDir]] : ['bare-server.ts', [scenario.mode]];
  const profile = PROFILE_DIR && scenario.kind === 'relay' ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(PROFILE_DIR)}`] : [];
  const child = fork(path.join(here, file), args, { execArgv: ['--import', 'tsx', ...profile], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const { port } = await new Promise<z.infer<typeof PortMessage>>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code}`)));
    child.on('message', (raw: unknown) => {
      const parsed = PortMessage.safeParse(raw);
      if (parsed.success) resolve(parsed.data);
    });
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

async function post(url: string, route: string, body: unknown, token?: string): Promise<unknown> {
  const res = await fetch(`${url}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body ?? {}),
  });
  const json: unknown = res.status === 204 ? {} : await res.json();
  if (!res.ok) throw new Error(`${route}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** A live session and signed-in senders who joined it. */
async function seedRelay(url: string): Promise<{ sessionId: string; tokens: string[] }> {
  const host = AuthReply.parse(await post(url, '/api/auth/register', { username: `bench_${Date.now()}`, password: 'correct horse battery' }));
  const { session } = SessionReply.parse(await post(url, '/api/sessions', { title: 'Fan-out', type: 'video', isPublic: true }, host.token));
  await post(url, `/api/sessions/${session.id}/start`, undefined, host.token);
  const tokens = await Promise.all(
    Array.from({ length: SENDERS }, async (_, i) => {
      const guest = AuthReply.parse(await post(url, '/api/auth/guest', { displayName: `Sender ${i}` }));
      await post(url, `/api/sessions/${session.id}/join`, undefined, guest.token);
      return guest.token;
    }),
  );
  return { sessionId: session.id, tokens };
}

function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

async function reportsOf(viewers: Worker[]) {
  return Promise.all(
    viewers.map((v) => {
      const report = v.next('report');
      v.send({ type: 'report' });
      return report;
    }),
  );
}

/** Viewer reports once no more deliveries arrive (the relay may still be draining a backlog). */
async function settledReports(viewers: Worker[]) {
  const deadline = Date.now() + SETTLE_MAX_MS;
  let reports = await reportsOf(viewers);
  for (;;) {
    await new Promise((r) => setTimeout(r, SETTLE_POLL_MS));
    const next = await reportsOf(viewers);
    const total = (rs: typeof reports) => rs.reduce((n, r) => n + r.count, 0);
    const done = total(next) === total(reports) || Date.now() > deadline;
    reports = next;
    if (done) return reports;
  }
}


async function runScenario(scenario: Scenario) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'afritok-bench-chat-'));
  const server = await startServer(scenario, dataDir);
  try {
    const { sessionId, tokens } = scenario.kind === 'relay' ? await seedRelay(server.url) : { sessionId: 'bench', tokens: Array<string>(SENDERS).fill('') };
    const viewers = Array.from({ length: VIEWER_WORKERS }, (_, i) => {
      const count = Math.floor(VIEWERS / VIEWER_WORKERS) + (i < VIEWERS % VIEWER_WORKERS ? 1 : 0);
      return startWorker('viewer-worker.ts', [server.url, sessionId, String(count)]);
    });
    const joined = await Promise.all(viewers.map((v) => v.next('ready')));
    const connected = joined.reduce((n, r) => n + r.connected, 0);
    const sender = startWorker('sender-worker.ts', [server.url, sessionId, JSON.stringify(tokens)]);
    await sender.next('ready');

    for (const v of viewers) v.send({ type: 'measure' });
    const cpuBefore = cpuSeconds(server.child.pid ?? 0);
    const startedAt = Date.now();
    const senderReport = sender.next('report');
    sender.send({ type: 'send', rate: RATE, durationMs: DURATION_MS });
    const acks = await senderReport;
    const sendingMs = Date.now() - startedAt;
    const reports = await settledReports(viewers);
    const elapsedSeconds = (Date.now() - startedAt) / 1000;
    const cpu = cpuSeconds(server.child.pid ?? 0) - cpuBefore;
    const rss = rssMb(server.child.pid ?? 0);
    for (const worker of [...viewers, sender]) worker.send({ type: 'stop' });
    await Promise.all([...viewers, sender].map((w) => exited(w.child)));

    const delivered = reports.reduce((n, r) => n + r.count, 0);
    const frames = reports.reduce((n, r) => n + r.frames, 0);
    const sent = acks.count + acks.failed;
    return {
      scenario: scenario.name,
      viewers: connected,
      viewerJoinFailures: VIEWERS - connected,
      messagesAcked: acks.count,
      sendFailures: acks.failed,
      persistedRowsPerSecond: scenario.kind === 'relay' && scenario.storage === 'on' ? Math.round(acks.count / (sendingMs / 1000)) : 0,
      delivered,
      expected: sent * connected,
      deliveredRatio: sent * connected > 0 ? delivered / (sent * connected) : 0,
      p50Ms: percentile(reports.map((r) => r.histogram), 50),
      p99Ms: percentile(reports.map((r) => r.histogram), 99),
      ackP50Ms: percentile([acks.histogram], 50),
      ackP99Ms: percentile([acks.histogram], 99),
      framesPerViewerPerSecond: connected > 0 ? frames / connected / (sendingMs / 1000) : 0,
      serverCpuPercent: Math.round((cpu / elapsedSeconds) * 100),
      serverRssMb: rss,
      /** 1-minute load average at the end: above the core count, every figure here is inflated. */
      loadAverage: Number(os.loadavg()[0]?.toFixed(1)),
    };
  } finally {
    server.child.kill('SIGTERM');
    await exited(server.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run(): Promise<unknown> {
  const results = [];
  for (const scenario of SCENARIOS) {
    console.log(`  running: ${scenario.name} (${VIEWERS} viewers, ${RATE} msg/s, ${DURATION_MS / 1000} s)`);
    results.push(await runScenario(scenario));
  }
  console.table(
    results.map((r) => ({
      scenario: r.scenario,
      joined: `${r.viewers}/${VIEWERS}`,
      'delivered/expected': `${r.delivered}/${r.expected} (${(r.deliveredRatio * 100).toFixed(1)}%)`,
      'p50 ms': r.p50Ms,
      'p99 ms': r.p99Ms,
      'ack p99 ms': r.ackP99Ms,
      'frames/s/viewer': r.framesPerViewerPerSecond.toFixed(1),
      'CPU %': r.serverCpuPercent,
      'RSS MB': r.serverRssMb,
      'rows/s': r.persistedRowsPerSecond,
      load: r.loadAverage,
    })),
  );
  const output = {
    benchmark: 'chat-fanout',
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, node: process.version },
    parameters: { viewers: VIEWERS, messagesPerSecond: RATE, durationSeconds: DURATION_MS / 1000, senders: SENDERS, viewerProcesses: VIEWER_WORKERS },
    results,
  };
  const dir = path.join(here, '..', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'chat-fanout.json'), `${JSON.stringify(output, null, 2)}\n`);
  return output;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  run().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
