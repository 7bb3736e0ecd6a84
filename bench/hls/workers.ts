/** The parent's side of the `bench hls` viewer workers: fork them, start/mark/collect a phase, stop them. */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { exited, inbox } from '../support/ipc.js';
import { FromWorker, type ToWorker, type WindowReport } from './messages.js';

export interface HlsWorker {
  child: ChildProcess;
  next: ReturnType<typeof inbox<typeof FromWorker>>;
  send(message: ToWorker): void;
}

export async function startWorkers(count: number): Promise<HlsWorker[]> {
  return Promise.all(Array.from({ length: count }, async () => {
    const child = fork(path.join(import.meta.dirname, 'viewer-worker.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    // inbox() adds an exit listener per awaited message: a dozen over a run, not a leak.
    child.setMaxListeners(64);
    const worker: HlsWorker = { child, next: inbox(child, FromWorker), send: (m) => child.send(m) };
    await worker.next('ready');
    return worker;
  }));
}

/** Starts `viewers` spread evenly over the workers. */
export async function startViewers(workers: HlsWorker[], viewers: number, target: { base: string; sessionId: string; renditions: string[]; rampMs: number }): Promise<void> {
  await Promise.all(workers.map((w, i) => {
    const count = Math.floor(viewers / workers.length) + (i < viewers % workers.length ? 1 : 0);
    const started = w.next('started');
    w.send({ type: 'start', count, ...target });
    return started;
  }));
}

export async function markWindow(workers: HlsWorker[]): Promise<void> {
  await Promise.all(workers.map((w) => {
    const marked = w.next('marked');
    w.send({ type: 'mark' });
    return marked;
  }));
}

/** Ends the window: every worker's report, merged; the viewers stop. */
export async function collectWindow(workers: HlsWorker[]): Promise<WindowReport> {
  const reports = await Promise.all(workers.map(async (w) => {
    const reply = w.next('report');
    w.send({ type: 'collect' });
    return (await reply).report;
  }));
  return {
    viewers: reports.reduce((n, r) => n + r.viewers, 0),
    partFetchMs: reports.flatMap((r) => r.partFetchMs),
    partsPerViewer: reports.flatMap((r) => r.partsPerViewer),
    playlists: reports.reduce((n, r) => n + r.playlists, 0),
    errors: reports.reduce((n, r) => n + r.errors, 0),
    errorSamples: reports.flatMap((r) => r.errorSamples).slice(0, 5),
  };
}

export async function stopWorkers(workers: HlsWorker[]): Promise<void> {
  await Promise.all(workers.map((w) => {
    if (w.child.connected) w.send({ type: 'exit' });
    return exited(w.child);
  }));
}
