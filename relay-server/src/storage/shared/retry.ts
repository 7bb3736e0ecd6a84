import { setTimeout as sleep } from 'node:timers/promises';
import { isDeadlockVictim } from './errors.js';

const ATTEMPTS = 6;

/**
 * Runs `call` again when InnoDB picked it as a deadlock victim (it then rolled the whole
 * transaction back, so nothing of the failed attempt remains). Two transactions that both insert
 * a child row (shared lock on the parent via its foreign key) and then update that parent
 * deadlock routinely; retrying is the documented remedy. Transaction work must therefore be
 * safe to run twice: only database writes through `tx`, no outside side effects.
 */
export async function retryDeadlocks<R>(call: () => Promise<R>): Promise<R> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (err) {
      if (attempt >= ATTEMPTS || !isDeadlockVictim(err)) throw err;
      await sleep(Math.random() * 10 * attempt);
    }
  }
}
