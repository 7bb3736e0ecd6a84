/**
 * The parent's side of the viewer workers (viewer-worker.ts): start them, spread new viewers over them,
 * add up their counters, stop them. Used by `bench sfu` and `bench ingest`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { FromWorker, type ToWorker, type ViewerKind } from './messages.js';

const here = path.dirname(new URL(import.meta.url).pathname);

export interface ViewerWorker {
  child: ChildProcess;
  next(type: FromWorker['type']): Promise<FromWorker>;
  send(message: ToWorker): void;
}

/** One worker process playing `whepUrl`; counting viewers send `token` (a public live needs none, but the load client sends one). */
export async function startWorker(whepUrl: string, kind: ViewerKind = 'decode', token = ''): Promise<ViewerWorker> {
  const child = fork(path.join(here, 'viewer-worker.ts'), [whepUrl, kind, token], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting: Array<{ type: FromWorker['type']; resolve: (m: FromWorker) => void }> = [];
  child.on('message', (raw: unknown) => {
    const message = FromWorker.safeParse(raw);
    if (!message.success) return;
    const index = waiting.findIndex((w) => w.type === message.data.type);
    if (index >= 0) waiting.splice(index, 1)[0]?.resolve(message.data);
  });
  const worker: ViewerWorker = {
    child,
    next: (type) => new Promise((resolve) => waiting.push({ type, resolve })),
    send: (message) => child.send(message),
  };
  await worker.next('ready');
  return worker;
}

/** Adds `count` viewers spread evenly over the workers; the join times of those that joined, and how many failed. */
export async function addViewers(workers: ViewerWorker[], count: number): Promise<{ joinMs: number[]; failures: number }> {
  const shares = workers.map((_, i) => Math.floor(count / workers.length) + (i < count % workers.length ? 1 : 0));
  const added = await Promise.all(workers.map(async (w, i) => {
    const share = shares[i] ?? 0;
    if (share === 0) return { joinMs: [] as Array<number | null>, failed: 0 };
    const reply = w.next('added');
    w.send({ type: 'add', count: share });
    const r = await reply;
    return r.type === 'added' ? r : { joinMs: [], failed: share };
  }));
  return {
    joinMs: added.flatMap((a) => a.joinMs).filter((m): m is number => m !== null),
    failures: added.reduce((n, a) => n + a.failed, 0),
  };
}

/** Every worker's cumulative counters, added up. */
export async function sampleAll(workers: ViewerWorker[]) {
  const replies = await Promise.all(workers.map(async (w) => {
    const reply = w.next('sample');
    w.send({ type: 'sample' });
    return reply;
  }));
  const totals = { viewers: 0, packetsReceived: 0, bytesReceived: 0, packetsLost: 0, framesDecoded: 0 };
  for (const r of replies) {
    if (r.type !== 'sample') continue;
    totals.viewers += r.viewers;
    totals.packetsReceived += r.packetsReceived;
    totals.bytesReceived += r.bytesReceived;
    totals.packetsLost += r.packetsLost;
    totals.framesDecoded += r.framesDecoded;
  }
  return totals;
}

/** Asks every worker to close its viewers and exit; resolves when they have. */
export async function stopWorkers(workers: ViewerWorker[]): Promise<void> {
  await Promise.all(workers.map((w) => {
    if (w.child.exitCode !== null || w.child.signalCode !== null) return Promise.resolve();
    const exited = new Promise((resolve) => w.child.once('exit', resolve));
    w.send({ type: 'stop' });
    return exited;
  }));
}
