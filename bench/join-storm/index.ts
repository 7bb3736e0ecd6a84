/**
 * Join storm: JOIN_STORM_CLIENTS (2,000) Socket.IO clients, in a separate process on loopback, are
 * connected first and then all emit `session:join` to one live public session at once. Measured for
 * the real relay (auth, validation, storage, presence) and, in the same run, for a bare Socket.IO
 * server that only joins the room and acks:
 *   - p50 / p99 / max join-ack latency (emit → acknowledgement, as the clients see it)
 *   - server RSS and JS-heap growth per connection (after GC, from before connecting to after joining);
 *     RSS keeps the storm's high-water mark, the heap shows what each socket really retains
 *   - server CPU time spent during the storm, and as a share of one core over its wall time
 * JOIN_STORM_SIGNED_IN=1 signs every relay client in (a guest account each): a join then also reads
 * its ban and participant row and writes its viewer row.
 * Writes bench/results/join-storm.json and prints a table. `npm run bench join-storm`.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { exited, inbox } from '../support/ipc.js';
import { FromClients, FromServer, type ToClients, type ToServer } from './messages.js';

const CLIENTS = Number(process.env.JOIN_STORM_CLIENTS ?? 2000);
const here = path.dirname(fileURLToPath(import.meta.url));
const resultsFile = path.join(here, '..', 'results', 'join-storm.json');

type Kind = 'relay' | 'bare';

export interface StormResult {
  server: Kind;
  clients: number;
  joined: number;
  failures: number;
  firstError: string | null;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  stormWallMs: number;
  cpuMs: number;
  cpuPercentOfOneCore: number;
  rssBytesPerConnection: number;
  /** JS heap still in use after GC, per connection: what each socket really keeps alive. */
  heapBytesPerConnection: number;
  rssMiB: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** The audience process; its open-file limit is raised to the hard limit first (one fd per socket). */
function startClients(url: string, sessionId: string, tokensFile: string | null): ChildProcess {
  const script = path.join(here, 'clients.ts');
  const command = `ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "${process.execPath}" --import tsx "${script}" "$@"`;
  return spawn('bash', ['-c', command, 'clients', url, sessionId, String(CLIENTS), tokensFile ?? ''], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

async function storm(kind: Kind): Promise<StormResult> {
  // JOIN_STORM_PROFILE=<dir>: each server writes a CPU profile of the storm there (see server.ts).
  const server = fork(path.join(here, 'server.ts'), [kind], { execArgv: ['--import', 'tsx', '--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const fromServer = inbox(server, FromServer);
  let clients: ChildProcess | undefined;
  try {
    const { url, sessionId, tokensFile } = await fromServer('ready');
    const measure = async (gc: boolean) => {
      const reply = fromServer('usage');
      server.send({ type: 'measure', gc } satisfies ToServer);
      return reply;
    };
    const baseline = await measure(true);
    clients = startClients(url, sessionId, tokensFile);
    const fromClients = inbox(clients, FromClients);
    const connected = await fromClients('connected');
    const before = await measure(false);
    const started = performance.now();
    const joinedReply = fromClients('joined');
    clients.send({ type: 'join' } satisfies ToClients);
    const joined = await joinedReply;
    const stormWallMs = performance.now() - started;
    const after = await measure(false);
    const settled = await measure(true);
    const sorted = [...joined.latenciesMs].sort((a, b) => a - b);
    const cpuMs = (after.cpuMicros - before.cpuMicros) / 1000;
    return {
      server: kind,
      clients: connected.count,
      joined: connected.count - joined.failures,
      failures: joined.failures,
      firstError: joined.firstError,
      p50Ms: round(percentile(sorted, 50)),
      p99Ms: round(percentile(sorted, 99)),
      maxMs: round(sorted[sorted.length - 1] ?? Number.NaN),
      stormWallMs: round(stormWallMs),
      cpuMs: round(cpuMs),
      cpuPercentOfOneCore: round((cpuMs / stormWallMs) * 100),
      rssBytesPerConnection: Math.round((settled.rss - baseline.rss) / Math.max(1, connected.count)),
      heapBytesPerConnection: Math.round((settled.heapUsed - baseline.heapUsed) / Math.max(1, connected.count)),
      rssMiB: round(settled.rss / 2 ** 20),
    };
  } finally {
    if (clients?.connected) clients.send({ type: 'close' } satisfies ToClients);
    await exited(clients);
    // Closing the IPC channel makes the server exit on its own (and write its CPU profile when asked).
    if (server.connected) server.disconnect();
    await exited(server);
  }
}

const round = (n: number) => Math.round(n * 10) / 10;

function printTable(results: StormResult[]): void {
  const who = process.env.JOIN_STORM_SIGNED_IN === '1' ? 'signed-in (relay only)' : 'anonymous';
  console.log(`join storm: ${CLIENTS} ${who} clients join one session at once (loopback, clients in a separate process)`);
  console.table(
    results.map((r) => ({
      server: r.server,
      'joined/clients': `${r.joined}/${r.clients}`,
      'p50 ack ms': r.p50Ms,
      'p99 ack ms': r.p99Ms,
      'max ack ms': r.maxMs,
      'storm wall ms': r.stormWallMs,
      'server CPU ms': r.cpuMs,
      'CPU % of a core': r.cpuPercentOfOneCore,
      'RSS KiB / conn': round(r.rssBytesPerConnection / 1024),
      'heap KiB / conn': round(r.heapBytesPerConnection / 1024),
      'server RSS MiB': r.rssMiB,
    })),
  );
}

export async function run(): Promise<{ results: StormResult[] }> {
  const results = [await storm('relay'), await storm('bare')];
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  const report = { benchmark: 'join-storm', date: new Date().toISOString(), node: process.version, clients: CLIENTS, results };
  fs.writeFileSync(resultsFile, `${JSON.stringify(report, null, 2)}\n`);
  printTable(results);
  return { results };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await run();
