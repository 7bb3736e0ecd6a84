/**
 * Chat across relay nodes: 2,000 viewer sockets and 100 msg/s for 20 s, measured in the same run
 *   1. on ONE relay node (no Redis: how a single node is deployed),
 *   2. on one node with the Redis adapter on (what Redis alone costs), and
 *   3. on TWO relay nodes sharing one MySQL database and Redis (@socket.io/redis-adapter): viewers and
 *      senders split evenly, so half of every delivery crosses Redis.
 * Reuses helper-3's chat-fanout workers (bench/chat-fanout/*-worker.ts). Reports delivered/expected,
 * send-to-receive p50/p99 and each node's CPU. Writes bench/results/multinode-chat.json.
 * Env: BENCH_CHAT_VIEWERS, BENCH_CHAT_SECONDS, BENCH_CHAT_RATE, TEST_MYSQL_URL, TEST_REDIS_URL.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import { SessionReply } from '../../protocol/sessions.js';
import { AuthReply } from '../../protocol/users.js';
import { REDIS_URL, startRelayNode, type RelayNode } from '../../tests/relay/multinode/support/nodes.js';
import { percentile } from '../chat-fanout/messages.js';
import { cpuSeconds } from '../sfu/cpu.js';
import { exited, startWorker, type Worker } from '../chat-fanout/worker.js';
import { LOAD_RIG_LIMITS } from '../support/rig-limits.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const VIEWERS = Number(process.env.BENCH_CHAT_VIEWERS ?? 2000);
const DURATION_MS = Number(process.env.BENCH_CHAT_SECONDS ?? 20) * 1000;
const RATE = Number(process.env.BENCH_CHAT_RATE ?? 100);
const SENDERS = 20;
const SETTLE_MS = 2000;
const MYSQL_SERVER = (process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/+$/, '');



async function withDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const name = `afritok_bench_${randomBytes(5).toString('hex')}`;
  try {
    return await work(`${MYSQL_SERVER}/${name}`);
  } finally {
    const server = await mysql.createConnection({ uri: MYSQL_SERVER });
    await server.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await server.end();
  }
}

/** A live public session on `nodes[0]` and SENDERS joined guests (tokens work on every node). */
async function seed(node: RelayNode): Promise<{ sessionId: string; tokens: string[] }> {
  const host = await node.register();
  const created = await node.api('POST', '/api/sessions', { token: host.token, body: { title: 'Multi-node chat', type: 'video', isPublic: true } });
  const { session } = SessionReply.parse(created.body);
  await node.api('POST', `/api/sessions/${session.id}/start`, { token: host.token });
  const tokens = await Promise.all(Array.from({ length: SENDERS }, async (_, i) => {
    const guest = AuthReply.parse((await node.api('POST', '/api/auth/guest', { body: { displayName: `Sender ${i}` } })).body);
    await node.api('POST', `/api/sessions/${session.id}/join`, { token: guest.token });
    return guest.token;
  }));
  return { sessionId: session.id, tokens };
}

/** Splits n into `parts` near-equal integers. */
const split = (n: number, parts: number) => Array.from({ length: parts }, (_, i) => Math.floor(n / parts) + (i < n % parts ? 1 : 0));

async function runScenario(name: string, nodeCount: 1 | 2, redis: boolean) {
  return withDatabase(async (databaseUrl) => {
    const env: Record<string, string> = {
      DATABASE_URL: databaseUrl,
      JWT_SECRET: randomBytes(32).toString('hex'),
      ...LOAD_RIG_LIMITS,
      LOG_LEVEL: 'error',
      ...(redis ? { REDIS_URL } : {}),
    };
    const nodes: RelayNode[] = [await startRelayNode(env)];
    if (nodeCount === 2) nodes.push(await startRelayNode(env));
    const workers: Worker[] = [];
    try {
      const { sessionId, tokens } = await seed(nodes[0] as RelayNode);
      // Two viewer processes per node, each on its node; one sender process per node, half the rate each.
      const viewerCounts = split(VIEWERS, nodes.length * 2);
      const viewers = viewerCounts.map((count, i) => startWorker('viewer-worker.ts', [nodes[i % nodes.length]?.url ?? '', sessionId, String(count)]));
      workers.push(...viewers);
      const joined = await Promise.all(viewers.map((v) => v.next('ready')));
      const connected = joined.reduce((n, r) => n + r.connected, 0);
      const tokenShares = split(tokens.length, nodes.length);
      const senders = nodes.map((node, i) => {
        const start = tokenShares.slice(0, i).reduce((a, b) => a + b, 0);
        return startWorker('sender-worker.ts', [node.url, sessionId, JSON.stringify(tokens.slice(start, start + (tokenShares[i] ?? 0)))]);
      });
      workers.push(...senders);
      await Promise.all(senders.map((s) => s.next('ready')));

      for (const v of viewers) v.send({ type: 'measure' });
      const cpuBefore = nodes.map((n) => cpuSeconds(n.pid));
      const startedAt = Date.now();
      const reports = senders.map((s) => s.next('report'));
      for (const s of senders) s.send({ type: 'send', rate: RATE / senders.length, durationMs: DURATION_MS });
      const acks = await Promise.all(reports);
      const sendingMs = Date.now() - startedAt;
      await new Promise((r) => setTimeout(r, SETTLE_MS));
      const seconds = (sendingMs + SETTLE_MS) / 1000;
      const cpuPercent = nodes.map((n, i) => Math.round((100 * (cpuSeconds(n.pid) - (cpuBefore[i] ?? 0))) / seconds));
      const deliveries = await Promise.all(viewers.map((v) => {
        const report = v.next('report');
        v.send({ type: 'report' });
        return report;
      }));
      const acked = acks.reduce((n, a) => n + a.count, 0);
      const delivered = deliveries.reduce((n, r) => n + r.count, 0);
      return {
        scenario: name,
        nodes: nodes.length,
        viewers: connected,
        messagesAcked: acked,
        sendFailures: acks.reduce((n, a) => n + a.failed, 0),
        delivered,
        expected: acked * connected,
        deliveredRatio: acked * connected > 0 ? delivered / (acked * connected) : 0,
        p50Ms: percentile(deliveries.map((r) => r.histogram), 50),
        p99Ms: percentile(deliveries.map((r) => r.histogram), 99),
        ackP99Ms: percentile(acks.map((a) => a.histogram), 99),
        nodeCpuPercent: cpuPercent,
      };
    } finally {
      for (const w of workers) w.send({ type: 'stop' });
      await Promise.all(workers.map((w) => exited(w.child)));
      await Promise.all(nodes.map((n) => n.stop()));
    }
  });
}

export async function run(): Promise<unknown> {
  const results = [];
  // The middle scenario separates the Redis adapter's cost from the cost of crossing nodes.
  const scenarios = [['one node', 1, false], ['one node + Redis adapter', 1, true], ['two nodes + Redis', 2, true]] as const;
  for (const [name, count, redis] of scenarios) {
    console.log(`  running: ${name} (${VIEWERS} viewers, ${RATE} msg/s, ${DURATION_MS / 1000} s)`);
    results.push(await runScenario(name, count, redis));
  }
  console.table(results.map((r) => ({
    scenario: r.scenario,
    'delivered/expected': `${r.delivered}/${r.expected} (${(r.deliveredRatio * 100).toFixed(1)}%)`,
    'p50 ms': r.p50Ms,
    'p99 ms': r.p99Ms,
    'ack p99 ms': r.ackP99Ms,
    'node CPU %': r.nodeCpuPercent.join(' + '),
  })));
  const output = {
    benchmark: 'multinode-chat',
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, node: process.version, loadAverageAtEnd: os.loadavg() },
    parameters: { viewers: VIEWERS, messagesPerSecond: RATE, durationSeconds: DURATION_MS / 1000, senders: SENDERS },
    results,
  };
  const dir = path.join(here, '..', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'multinode-chat.json'), `${JSON.stringify(output, null, 2)}\n`);
  return output;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  run().then(() => process.exit(0), (err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
