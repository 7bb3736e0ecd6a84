import type { Clock } from '../core/ports.js';

export type HostAbsence = ReturnType<typeof createHostAbsence>;

/**
 * Since when each on-air session's host has been seen without a socket in its room, on this node.
 * Absence counts from the first look that found the host gone (the sweeper's or the directory's):
 * after a relay restart a host who never comes back is measured from the first look, not from before.
 */
export function createHostAbsence(clock: Clock) {
  const absentSince = new Map<string, number>();

  /** Records what a look at Presence found; answers how long (ms) the host has been away, 0 when there. */
  function observe(sessionId: string, hostConnected: boolean): number {
    if (hostConnected) {
      absentSince.delete(sessionId);
      return 0;
    }
    const now = clock().getTime();
    const since = absentSince.get(sessionId) ?? now;
    absentSince.set(sessionId, since);
    return now - since;
  }

  return {
    observe,
    forget: (sessionId: string): void => void absentSince.delete(sessionId),
    /** Drops the bookkeeping of sessions no longer on air. */
    keepOnly(onAir: ReadonlySet<string>): void {
      for (const id of absentSince.keys()) if (!onAir.has(id)) absentSince.delete(id);
    },
  };
}
