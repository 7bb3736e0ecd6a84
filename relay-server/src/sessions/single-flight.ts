/**
 * Shares one in-flight computation among concurrent callers with the same key: a join storm asks
 * for the same session view and roster thousands of times at once, and each answer is a handful of
 * queries on a database that serves one statement at a time (SQLite). Nothing is kept once settled,
 * so a caller never gets an answer computed before its own call was made... except one still running.
 */
export function singleFlight<K, V>(compute: (key: K) => Promise<V>): (key: K) => Promise<V> {
  const inFlight = new Map<K, Promise<V>>();
  return (key) => {
    const running = inFlight.get(key);
    if (running) return running;
    const started = compute(key).finally(() => inFlight.delete(key));
    inFlight.set(key, started);
    return started;
  };
}
