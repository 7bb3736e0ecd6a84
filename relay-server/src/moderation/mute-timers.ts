/** setTimeout's ceiling (about 24.8 days); longer waits re-arm when they fire. */
const MAX_TIMEOUT_MS = 2_147_483_647;

const keyOf = (sessionId: string, userId: string): string => `${sessionId}\u0000${userId}`;

/**
 * One timer per timed mute, firing when it should lift. The handler re-reads storage, so a timer
 * left over from a replaced or removed mute does nothing harmful.
 */
export class MuteTimers {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly onDue: (sessionId: string, userId: string) => Promise<void>,
    private readonly nowMs: () => number,
  ) {}

  schedule(sessionId: string, userId: string, until: Date | null): void {
    this.cancel(sessionId, userId);
    if (!until) return;
    const key = keyOf(sessionId, userId);
    const waitMs = Math.max(0, until.getTime() - this.nowMs());
    const timer = setTimeout(() => {
      this.timers.delete(key);
      if (waitMs > MAX_TIMEOUT_MS) this.schedule(sessionId, userId, until);
      else void this.onDue(sessionId, userId);
    }, Math.min(waitMs, MAX_TIMEOUT_MS));
    timer.unref();
    this.timers.set(key, timer);
  }

  cancel(sessionId: string, userId: string): void {
    const key = keyOf(sessionId, userId);
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
  }

  clear(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
