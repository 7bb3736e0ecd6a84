/**
 * Runs tasks one at a time per key, in call order. Chat uses it per session so that messages are
 * stored, added to the window and queued for delivery in the order of their `seq`: a reader that
 * saw message n has therefore already been sent every message before n.
 */
export class SerialQueues {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
