import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FromWorker, type ToWorker } from './messages.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** A load-generating child process (viewers or senders), spoken to over IPC with the typed messages. */
export interface Worker {
  child: ChildProcess;
  next<T extends FromWorker['type']>(type: T): Promise<Extract<FromWorker, { type: T }>>;
  send(message: ToWorker): void;
}

/** Forks `file` (a worker script of this folder) and resolves `next(type)` on its next message of that type. */
export function startWorker(file: string, args: string[]): Worker {
  const child = fork(path.join(here, file), args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting: Array<{ type: string; resolve: (m: FromWorker) => void }> = [];
  child.on('message', (raw: unknown) => {
    const message = FromWorker.safeParse(raw);
    if (!message.success) return;
    const index = waiting.findIndex((w) => w.type === message.data.type);
    if (index >= 0) waiting.splice(index, 1)[0]?.resolve(message.data);
  });
  return {
    child,
    next: <T extends FromWorker['type']>(type: T) =>
      new Promise<Extract<FromWorker, { type: T }>>((resolve) => waiting.push({ type, resolve: (m) => resolve(m as Extract<FromWorker, { type: T }>) })),
    send: (message) => child.send(message),
  };
}

export const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
