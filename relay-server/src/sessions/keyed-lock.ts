/**
 * Runs work one at a time per key, in this process. Guards check-then-write steps that the storage
 * interface cannot make atomic on its own (seat counts, one open session per host): MySQL's
 * REPEATABLE READ would let two concurrent transactions both see the last free seat.
 * With several relay nodes a race across nodes remains possible; one node is safe.
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
}

/** Shared by every module of one process: seats of a session change under `seats:<sessionId>`. */
export const sessionLocks = new KeyedLock();
export const seatsKey = (sessionId: string) => `seats:${sessionId}`;
export const hostKey = (userId: string) => `host:${userId}`;
