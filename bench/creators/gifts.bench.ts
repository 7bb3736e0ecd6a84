/**
 * Gifts into one live across two relay nodes (one MySQL database, Redis), measured in the same run at
 *   1. a baseline of BENCH_GIFT_BASE_RATE gifts/s (default 20: the latency of an unloaded path), and
 *   2. BENCH_GIFT_RATE gifts/s (default 1,000) for BENCH_GIFT_SECONDS (default 10),
 * from 100 senders split over both nodes (HTTP POST /api/sessions/:id/gifts), with a viewer socket on
 * node B. Reports gifts accepted, the gift-to-animation latency (POST sent → `gift:sent` received by the
 * viewer on the other node: what drawing the animation waits for) p50/p99, ledger rows written per second,
 * and runs the ledger audit on the database afterwards. Writes bench/results/creators-gifts.json.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import { SendGiftReply } from '../../protocol/gifts.js';
import { SessionReply } from '../../protocol/sessions.js';
import { AuthReply } from '../../protocol/users.js';
import { ledgerProblems, ledgerSummary } from '../../relay-server/src/gifts/ledger-audit.js';
import { createStorage } from '../../relay-server/src/storage/index.js';
import { REDIS_URL, startRelayNode, type RelayNode } from '../../tests/relay/multinode/support/nodes.js';
import { benchDatabase } from '../support/database.js';
import { LOAD_RIG_LIMITS } from '../support/rig-limits.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const RATE = Number(process.env.BENCH_GIFT_RATE ?? 1000);
const BASE_RATE = Number(process.env.BENCH_GIFT_BASE_RATE ?? 20);
const SECONDS = Number(process.env.BENCH_GIFT_SECONDS ?? 10);
const SENDERS = 100;
const SETTLE_MS = 3000;

interface Sender {
  token: string;
  node: RelayNode;
}

interface PhaseResult {
  name: string;
  targetRate: number;
  sent: number;
  accepted: number;
  refused: Record<string, number>;
  achievedRate: number;
  delivered: number;
  p50Ms: number;
  p99Ms: number;
  ledgerRowsPerSecond: number;
}

const percentile = (sorted: number[], p: number) => (sorted.length === 0 ? Number.NaN : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN));
const round = (n: number) => Math.round(n * 10) / 10;

async function countRows(url: string): Promise<number> {
  const connection = await mysql.createConnection({ uri: url });
  try {
    const [rows] = await connection.query('SELECT COUNT(*) AS n FROM ledger_entries');
    return Number((rows as Array<{ n: number }>)[0]?.n ?? 0);
  } finally {
    await connection.end();
  }
}

async function seed(a: RelayNode, b: RelayNode): Promise<{ sessionId: string; senders: Sender[] }> {
  const host = await a.register();
  const created = await a.api('POST', '/api/sessions', { token: host.token, body: { title: 'Gift storm', type: 'video', isPublic: true } });
  const { session } = SessionReply.parse(created.body);
  await a.api('POST', `/api/sessions/${session.id}/start`, { token: host.token });
  const senders = await Promise.all(
    Array.from({ length: SENDERS }, async (_, i) => {
      const node = i % 2 === 0 ? a : b;
      const guest = AuthReply.parse((await node.api('POST', '/api/auth/guest', { body: { displayName: `Giver ${i}` } })).body);
      const granted = await node.api('POST', '/api/wallet/dev-grant', { token: guest.token, body: { coins: 1_000_000 } });
      if (granted.status !== 200) throw new Error(`dev grant failed: ${granted.status} ${JSON.stringify(granted.body)}`);
      return { token: guest.token, node };
    }),
  );
  return { sessionId: session.id, senders };
}

/** Sends `rate` gifts a second for `seconds`, round-robin over the senders; latency to the viewer's `gift:sent`. */
async function phase(name: string, rate: number, seconds: number, sessionId: string, senders: Sender[], arrivals: Map<string, number>, databaseUrl: string): Promise<PhaseResult> {
  const total = Math.round(rate * seconds);
  const sentAt = new Map<string, number>();
  const refused: Record<string, number> = {};
  let accepted = 0;
  const rowsBefore = await countRows(databaseUrl);
  const start = performance.now();
  const inflight: Array<Promise<void>> = [];
  let next = 0;
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate) + 1);
      for (; next < due; next += 1) {
        const sender = senders[next % senders.length] as Sender;
        const t0 = performance.now();
        inflight.push(
          sender.node
            .api('POST', `/api/sessions/${sessionId}/gifts`, { token: sender.token, body: { giftId: 'rose', count: 1, clientGiftId: `bench-${randomBytes(8).toString('hex')}` } })
            .then(
              (res) => {
                if (res.status === 201) {
                  accepted += 1;
                  sentAt.set(SendGiftReply.parse(res.body).gift.id, t0);
                } else refused[String(res.status)] = (refused[String(res.status)] ?? 0) + 1;
              },
              () => {
                refused.network = (refused.network ?? 0) + 1;
              },
            ),
        );
      }
      if (next >= total) {
        clearInterval(tick);
        resolve();
      }
    }, 5);
  });
  await Promise.all(inflight);
  const elapsed = (performance.now() - start) / 1000;
  const rowsAfter = await countRows(databaseUrl);
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  const latencies = [...sentAt].flatMap(([id, t0]) => {
    const t1 = arrivals.get(id);
    return t1 === undefined ? [] : [t1 - t0];
  });
  latencies.sort((x, y) => x - y);
  return {
    name,
    targetRate: rate,
    sent: total,
    accepted,
    refused,
    achievedRate: round(accepted / elapsed),
    delivered: latencies.length,
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    ledgerRowsPerSecond: round((rowsAfter - rowsBefore) / elapsed),
  };
}

export async function run(): Promise<unknown> {
  const database = benchDatabase('afritok_bench');
  const databaseUrl = database.url;
  const env: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    JWT_SECRET: randomBytes(32).toString('hex'),
    ...LOAD_RIG_LIMITS,
    LOG_LEVEL: 'error',
    PAYMENTS: 'dev',
    NODE_ENV: 'development',
    GIFT_RATE_PER_SECOND: '1000',
    GIFT_RATE_BURST: '1000',
  };
  const a = await startRelayNode(env); // alone first: it creates and migrates the database
  const b = await startRelayNode(env);
  try {
    const { sessionId, senders } = await seed(a, b);
    const viewer = AuthReply.parse((await b.api('POST', '/api/auth/guest', { body: { displayName: 'Watcher' } })).body);
    const socket = await b.socket(viewer.token);
    const joined = await socket.emitWithAck('session:join', { sessionId });
    if (!joined.ok) throw new Error(`viewer could not join: ${joined.error.code}`);
    const arrivals = new Map<string, number>();
    socket.on('gift:sent', (gift) => arrivals.set(gift.id, performance.now()));

    const baseline = await phase(`baseline ${BASE_RATE}/s`, BASE_RATE, Math.min(SECONDS, 5), sessionId, senders, arrivals, databaseUrl);
    const storm = await phase(`${RATE}/s`, RATE, SECONDS, sessionId, senders, arrivals, databaseUrl);
    socket.close();

    const storage = await createStorage({ kind: 'mysql', url: databaseUrl });
    const audit = await storage.ledger.audit();
    await storage.close();
    const problems = ledgerProblems(audit);
    const result = { phases: [baseline, storm], ledger: { summary: ledgerSummary(audit), problems } };
    console.table([baseline, storm].map((p) => ({ ...p, refused: JSON.stringify(p.refused) })));
    console.log(`ledger after the run: ${problems.length === 0 ? 'ok' : 'FAILED'} (${ledgerSummary(audit)})`);
    mkdirSync(path.join(here, '../results'), { recursive: true });
    writeFileSync(path.join(here, '../results/creators-gifts.json'), `${JSON.stringify(result, null, 2)}\n`);
    if (problems.length > 0) throw new Error(`ledger check failed after the bench: ${problems.join('; ')}`);
    return result;
  } finally {
    await Promise.all([a.stop(), b.stop()]);
    await database.drop();
  }
}
