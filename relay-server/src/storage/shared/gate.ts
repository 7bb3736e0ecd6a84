/**
 * One-at-a-time access for the embedded SQLite database. The libsql driver runs statements
 * synchronously, so a second connection waiting on a lock would block the very event loop the
 * open transaction needs to finish. Instead every top-level call and every transaction takes
 * this gate, and all of them share the client's one connection.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Whether gates catch storage used inside its own transaction (which would wait on itself forever).
 * The check needs AsyncLocalStorage, and on Node before 24 that puts a hook on every promise of the
 * process: 8 % of the relay's CPU in `bench join-storm` (270-309 ms with it, 250-268 without). It
 * guards against a programming mistake, so it runs where code is written and tested (NODE_ENV
 * `test`, as vitest and the e2e relays set it, or `development`) and not in production.
 */
export const CHECKS_REENTRY = process.env.NODE_ENV === 'test' || process.env.NODE_ENV === 'development';

export class Gate {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly holder = CHECKS_REENTRY ? new AsyncLocalStorage<Gate>() : null;

  /** Runs `work` once every earlier holder has finished. */
  run<T>(work: () => Promise<T>): Promise<T> {
    const holder = this.holder;
    if (holder?.getStore() === this) {
      // Waiting here would wait on ourselves forever: inside a transaction only `tx` may be used.
      return Promise.reject(new Error('storage used outside its own transaction: use the `tx` repositories inside transaction()'));
    }
    const result = this.tail.then(() => (holder ? holder.run(this, work) : work()));
    this.tail = result.catch(() => undefined);
    return result;
  }
}
