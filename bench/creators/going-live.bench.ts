/**
 * Going live with CREATORS_FOLLOWERS followers (default 100,000) beside going live with none, in the same
 * run, on two relay nodes (one MariaDB database, Redis): CREATORS_LIVES lives of each (default 3),
 * alternating, medians reported. The followers are written straight through the storage layer (bulk
 * INSERTs, not sign-ups); a sample of them (CREATORS_SOCKET_SAMPLE, default 1,000, spread evenly over the
 * fan-out's order so the very last follower is in it) is signed in with tokens minted here, on sockets
 * split over both nodes, in a process of its own (followers-client.ts). For each live (live-timing.ts):
 *  - time to live: the POST /api/sessions/:id/start round trip, what the streamer waits for;
 *  - whether the first / last follower had been told when that POST answered (it must only schedule them);
 *  - the last notification row: when the row of the follower the fan-out writes last is in the database
 *    (polled every 20 ms, so it may read a little after the last socket heard);
 *  - the last sampled socket notified: when the last sampled follower's socket received `notification:new`;
 *  - the CPU both relay nodes and MariaDB spent from the POST until all of that.
 * An unmeasured live with one batch of followers goes first, so the first measured one is not a cold start.
 * Writes bench/results/creators-going-live.json.
 */
import { execFileSync, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TokenSigner } from '../../relay-server/src/auth/tokens.js';
import { FAN_OUT_BATCH } from '../../relay-server/src/notifications/fan-out.js';
import { createStorage } from '../../relay-server/src/storage/index.js';
import { REDIS_URL, startRelayNode } from '../../tests/relay/multinode/support/nodes.js';
import { seedFollowers } from '../../tests/relay/notifications/support/followers.js';
import { benchDatabase } from '../support/database.js';
import { exited, inbox } from '../support/ipc.js';
import { LOAD_RIG_LIMITS } from '../support/rig-limits.js';
import { epochNow, FromFollowers, type ToFollowers } from './followers-messages.js';
import { measureLive, type Account, type FanOutEnds, type LiveResult, type Rig } from './live-timing.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const FOLLOWERS = Number(process.env.CREATORS_FOLLOWERS ?? 100_000);
const SAMPLE = Math.min(FOLLOWERS, Number(process.env.CREATORS_SOCKET_SAMPLE ?? 1000));
/** Lives per creator: one POST's time is noise on a shared 2-core machine. */
const LIVES = Math.max(1, Number(process.env.CREATORS_LIVES ?? 3));
const WARMUP_FOLLOWERS = FAN_OUT_BATCH;

function mariadbPid(): number | null {
  for (const name of ['mariadbd', 'mysqld']) {
    try {
      return Number(execFileSync('pgrep', ['-xo', name], { encoding: 'utf8' }).trim()) || null;
    } catch {
      // Not running under this name (or not on this machine): try the next.
    }
  }
  return null;
}

/** `n` of `ids` spread evenly over the fan-out's order (follower id), first and last included. */
function spreadSample(sorted: string[], n: number): string[] {
  if (n <= 1) return n === 1 ? sorted.slice(-1) : [];
  return Array.from({ length: n }, (_, i) => sorted[Math.round((i * (sorted.length - 1)) / (n - 1))] ?? '');
}

function endsOf(sorted: string[]): FanOutEnds {
  const [first, last] = [sorted[0], sorted[sorted.length - 1]];
  return first && last ? { first, last } : null;
}

/** The sampled followers' sockets, in their own process. */
function startFollowers() {
  const child = fork(path.join(here, 'followers-client.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return { child, next: inbox(child, FromFollowers), send: (message: ToFollowers) => child.send(message) };
}

/** The popular creator's followers in the database, and the sample's sockets connected and signed in. */
async function seedAndConnect(rig: Rig, creator: Account, secret: string): Promise<{ ends: FanOutEnds; connected: number }> {
  const seedStart = epochNow();
  // Sorted as the fan-out walks them: UUIDs are lower-case hex, so code-unit order is the index's order.
  const ids = (await seedFollowers(rig.storage, creator.user.id, FOLLOWERS)).sort();
  console.log(`going-live: ${FOLLOWERS} followers seeded through the storage layer in ${Math.round(epochNow() - seedStart)} ms`);
  const sample = spreadSample(ids, SAMPLE);
  const signer = new TokenSigner(secret, () => new Date());
  const tokens = await Promise.all(sample.map(async (userId) => (await signer.sign(userId)).token));
  const connected = rig.followers.next('connected');
  rig.followers.send({ type: 'connect', urls: [rig.a.url, rig.b.url], tokens });
  const { count, failed, firstError } = await connected;
  if (failed > 0) throw new Error(`${failed} of ${tokens.length} sampled followers could not connect: ${firstError}`);
  return { ends: endsOf(ids), connected: count };
}

/** Each figure's median over the lives (the CPU of each node separately); "told" when any live had told. */
function medianLive(lives: LiveResult[]): LiveResult {
  const median = (pick: (l: LiveResult) => number | null): number | null => {
    const values = lives.map(pick).filter((v): v is number => v !== null).sort((x, y) => x - y);
    return values.length === 0 ? null : (values[Math.floor((values.length - 1) / 2)] ?? null);
  };
  const required = (pick: (l: LiveResult) => number) => median(pick) ?? Number.NaN;
  return {
    followers: lives[0]?.followers ?? 0,
    timeToLiveMs: required((l) => l.timeToLiveMs),
    firstToldWhenLive: lives.some((l) => l.firstToldWhenLive),
    lastToldWhenLive: lives.some((l) => l.lastToldWhenLive),
    rowsAtEnd: required((l) => l.rowsAtEnd),
    lastRowMs: median((l) => l.lastRowMs),
    sampledSockets: lives[0]?.sampledSockets ?? 0,
    socketsNotified: required((l) => l.socketsNotified),
    firstSocketMs: median((l) => l.firstSocketMs),
    medianSocketMs: median((l) => l.medianSocketMs),
    lastSocketMs: median((l) => l.lastSocketMs),
    windowMs: required((l) => l.windowMs),
    cpuMs: { fanOutNode: required((l) => l.cpuMs.fanOutNode), otherNode: required((l) => l.cpuMs.otherNode), database: median((l) => l.cpuMs.database) },
  };
}

function printTable(results: LiveResult[]): void {
  console.log(
    `going live: 0 vs ${FOLLOWERS} followers on two relay nodes (MariaDB, Redis), medians of ${LIVES} lives each, alternating; ` +
      `${SAMPLE} sampled followers on sockets, half per node`,
  );
  const yesNo = (b: boolean) => (b ? 'yes' : 'no');
  console.table(
    results.map((r) => ({
      followers: r.followers,
      'time to live (ms)': r.timeToLiveMs,
      'told when live answered (first/last)': r.followers === 0 ? '—' : `${yesNo(r.firstToldWhenLive)}/${yesNo(r.lastToldWhenLive)}`,
      'last notification row (ms)': r.lastRowMs ?? '—',
      'last sampled socket notified (ms)': r.lastSocketMs === null ? '—' : `${r.lastSocketMs} (${r.socketsNotified}/${r.sampledSockets})`,
      'relay CPU ms (fan-out node + other)': `${r.cpuMs.fanOutNode} + ${r.cpuMs.otherNode}`,
      'MariaDB CPU ms': r.cpuMs.database ?? '—',
    })),
  );
}

/** The check the issue asks for: did the streamer's POST wait for the followers to be told? */
function waitVerdict(baseline: LiveResult, loaded: LiveResult): string {
  const times = `time to live median ${loaded.timeToLiveMs} ms vs ${baseline.timeToLiveMs} ms with no followers; last row at ${loaded.lastRowMs} ms`;
  if (loaded.lastToldWhenLive) return `going live WAITED for the fan-out: the last follower's row was written before the POST answered (${times})`;
  const first = loaded.firstToldWhenLive ? 'some lives had written a first batch' : 'not even the first batch was written';
  return `going live did not wait for the fan-out: when the POST answered, ${first} (${times})`;
}

export async function run(): Promise<unknown> {
  const database = benchDatabase('afritok_bench_creators');
  const secret = randomBytes(32).toString('hex');
  const env = { DATABASE_URL: database.url, REDIS_URL, JWT_SECRET: secret, ...LOAD_RIG_LIMITS, LOG_LEVEL: 'error' };
  const a = await startRelayNode(env); // alone first: it creates and migrates the database
  const b = await startRelayNode(env);
  const storage = await createStorage({ kind: 'mysql', url: database.url });
  const followers = startFollowers();
  const rig: Rig = { a, b, storage, databasePid: mariadbPid(), followers };
  try {
    const [warmup, nobody, popular] = await Promise.all([a.register(), a.register(), a.register()]);
    const { ends, connected } = await seedAndConnect(rig, popular, secret);
    // A first live, with one batch of followers, warms the node's code paths (the fan-out's too) and pools:
    // the first measured live pays no cold start of its own.
    const warmupFollowers = (await seedFollowers(storage, warmup.user.id, WARMUP_FOLLOWERS)).sort();
    await measureLive(rig, warmup, WARMUP_FOLLOWERS, endsOf(warmupFollowers), 0);
    const lives: { baseline: LiveResult[]; loaded: LiveResult[] } = { baseline: [], loaded: [] };
    for (let i = 0; i < LIVES; i++) {
      lives.baseline.push(await measureLive(rig, nobody, 0, null, 0));
      lives.loaded.push(await measureLive(rig, popular, FOLLOWERS, ends, connected));
    }
    const medians = [medianLive(lives.baseline), medianLive(lives.loaded)] as const;
    const verdict = waitVerdict(...medians);
    printTable([...medians]);
    console.log(verdict);
    const result = { followers: FOLLOWERS, socketSample: SAMPLE, livesEach: LIVES, medians, lives, goingLiveWaitedForFanOut: medians[1].lastToldWhenLive, verdict };
    mkdirSync(path.join(here, '../results'), { recursive: true });
    writeFileSync(path.join(here, '../results/creators-going-live.json'), `${JSON.stringify(result, null, 2)}\n`);
    for (const live of lives.loaded) {
      if (live.rowsAtEnd !== FOLLOWERS) throw new Error(`${live.rowsAtEnd} notification rows for ${FOLLOWERS} followers`);
      if (live.socketsNotified !== connected) throw new Error(`${connected - live.socketsNotified} sampled followers never heard of the live`);
    }
    return result;
  } finally {
    if (followers.child.connected) followers.send({ type: 'close' });
    await exited(followers.child);
    await storage.close();
    await Promise.all([a.stop(), b.stop()]);
    await database.drop();
  }
}
