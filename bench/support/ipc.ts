/** Talking to a benchmark's child processes over IPC: typed messages in, a clean exit out. */
import type { ChildProcess } from 'node:child_process';
import type { z } from 'zod';

/** Waits for messages of one schema from a child, by type (a message nobody waits for yet is dropped). */
export function inbox<S extends z.ZodType<{ type: string }>>(child: ChildProcess, schema: S) {
  const waiting: Array<{ type: string; resolve: (m: z.output<S>) => void }> = [];
  child.on('message', (raw: unknown) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return;
    const index = waiting.findIndex((w) => w.type === parsed.data.type);
    if (index >= 0) waiting.splice(index, 1)[0]?.resolve(parsed.data);
  });
  return <T extends z.output<S>['type']>(type: T): Promise<Extract<z.output<S>, { type: T }>> =>
    new Promise((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`child exited (${code}) while waiting for ${type}`)));
      waiting.push({ type, resolve: resolve as (m: z.output<S>) => void });
    });
}

/** Resolves once the child has exited; one still running after 10 s is killed. */
export function exited(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
