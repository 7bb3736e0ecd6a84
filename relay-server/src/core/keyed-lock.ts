/**
 * Runs work one at a time per key, in call order, in this process. Sessions use it to guard
 * check-then-write steps the storage interface cannot make atomic on its own (seat counts, one open
 * session per host: MySQL's REPEATABLE READ would let two transactions both see the last free seat);
 * chat uses it per session so messages are stored, windowed and queued for delivery in `seq` order.
 * A failed task does not stop the ones queued after it. Keys are forgotten once their queue drains.
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(work, work);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with work queued or running (for tests and leak checks). */
  get size(): number {
    return this.tails.size;
  }
}
