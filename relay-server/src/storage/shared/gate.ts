/**
 * One-at-a-time access for the embedded SQLite database. The libsql driver runs statements
 * synchronously, so a second connection waiting on a lock would block the very event loop the
 * open transaction needs to finish. Instead every top-level call and every transaction takes
 * this gate, and all of them share the client's one connection.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export class Gate {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly holder = new AsyncLocalStorage<Gate>();

  /** Runs `work` once every earlier holder has finished. */
  run<T>(work: () => Promise<T>): Promise<T> {
    if (this.holder.getStore() === this) {
      // Waiting here would wait on ourselves forever: inside a transaction only `tx` may be used.
      return Promise.reject(new Error('storage used outside its own transaction: use the `tx` repositories inside transaction()'));
    }
    const result = this.tail.then(() => this.holder.run(this, work));
    this.tail = result.catch(() => undefined);
    return result;
  }
}
