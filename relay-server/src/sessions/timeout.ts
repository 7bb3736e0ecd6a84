import { AppError } from '../core/errors.js';
import { logger } from '../core/logger.js';
import type { SessionDeps } from './deps.js';
import type { SessionsService } from './service.js';

/** How often the sweeper looks: a quarter of the timeout, at most every 30 s, at least every 250 ms. */
export function sweepIntervalMs(timeoutMs: number): number {
  return Math.min(30_000, Math.max(250, Math.floor(timeoutMs / 4)));
}

/**
 * Ends sessions on air whose host has had no socket in the room for LIVE_SESSION_TIMEOUT.
 * Absence is measured with the injectable clock from the first look that saw the host gone (host-absence.ts,
 * shared with the directory, which hides sessions whose host has been gone a while).
 * Every node may sweep: the state CAS lets only one of them end a session.
 */
export function createHostAbsenceSweeper(deps: SessionDeps, sessions: SessionsService) {
  const { storage, presence, config } = deps;
  const { hostAbsence } = sessions;
  let timer: NodeJS.Timeout | undefined;
  let running = false;

  async function sweep(): Promise<void> {
    const onAir = await storage.sessions.listByState(['starting', 'live']);
    const seen = new Set<string>();
    for (const session of onAir) {
      seen.add(session.id);
      const awayMs = hostAbsence.observe(session.id, await presence.isConnected(session.id, session.hostId));
      if (awayMs >= config.liveSessionTimeoutMs) await endAbandoned(session.id);
    }
    hostAbsence.keepOnly(seen);
  }

  async function endAbandoned(sessionId: string): Promise<void> {
    hostAbsence.forget(sessionId);
    try {
      await sessions.finish(sessionId);
      logger.info({ sessionId }, 'session ended: host gone longer than LIVE_SESSION_TIMEOUT');
    } catch (err) {
      // Another node or the host ended it first.
      if (!(err instanceof AppError)) throw err;
    }
  }

  async function tick(): Promise<void> {
    if (running) return;
    running = true;
    try {
      await sweep();
    } catch (err) {
      logger.warn({ err }, 'host absence sweep failed');
    } finally {
      running = false;
    }
  }

  return {
    start(): void {
      timer ??= setInterval(() => void tick(), sweepIntervalMs(config.liveSessionTimeoutMs));
      timer.unref();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
    /** One sweep now (tests drive it with a controllable clock). */
    sweep: tick,
  };
}
