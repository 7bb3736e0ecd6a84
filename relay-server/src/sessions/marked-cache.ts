import { singleFlight } from './single-flight.js';

/** See Notifier.changeMark: changes whenever the session's room is told of a change; null = cannot be trusted. */
export type ChangeMark = (sessionId: string) => number | null;

/** Above this many entries, expired ones are swept on the next insert. */
const SWEEP_ABOVE = 256;

interface Entry<V> {
  mark: number;
  at: number;
  value: Promise<V>;
}

/**
 * Serves one read of a session's data to every caller within `ttlMs`, as long as nothing was
 * broadcast to the session's room since the read began. A join storm on SQLite runs each join to
 * completion before the next packet is even read (the driver is synchronous), so sharing only
 * in-flight reads shares nothing; this shares across joins. A joiner is in the room before it reads,
 * so any change after the cached read reaches it as a broadcast, and that broadcast dropped the entry.
 * Without a trustworthy mark (several relay nodes) it falls back to sharing in-flight reads only.
 */
export function markedCache<K, V>(
  options: { ttlMs: number; mark: ChangeMark; sessionOf: (key: K) => string; now?: () => number },
  compute: (key: K) => Promise<V>,
): (key: K) => Promise<V> {
  const { ttlMs, mark, sessionOf, now = Date.now } = options;
  const inFlightOnly = singleFlight(compute);
  const entries = new Map<K, Entry<V>>();

  function sweep(at: number): void {
    for (const [key, entry] of entries) if (at - entry.at >= ttlMs) entries.delete(key);
  }

  return (key) => {
    const current = mark(sessionOf(key));
    if (current === null) return inFlightOnly(key);
    const at = now();
    const hit = entries.get(key);
    if (hit && hit.mark === current && at - hit.at < ttlMs) return hit.value;
    if (entries.size >= SWEEP_ABOVE) sweep(at);
    const value = compute(key);
    entries.set(key, { mark: current, at, value });
    value.catch(() => {
      if (entries.get(key)?.value === value) entries.delete(key);
    });
    return value;
  };
}
