import type { Notification } from '../../../protocol/notifications.js';
import type { Logger } from '../core/logger.js';
import type { Notifier } from '../core/ports.js';
import type { NotificationRecord, Storage } from '../storage/types.js';

/** Followers per batch: one page read, one multi-row INSERT, one broadcast. */
export const FAN_OUT_BATCH = 1000;

export interface FanOutProgress {
  batches: number;
  recipients: number;
}

/**
 * Tells a creator's followers of one event, off the request path: the followers are read page by
 * page on the creator's index, each page written as one INSERT and sent as one broadcast to all
 * their user rooms (through the Redis adapter, every relay node delivers to the sockets it holds).
 * Going live only schedules this; it never waits for it.
 */
export function createFanOut(deps: { storage: Storage; notifier: Notifier; logger: Logger; batchSize?: number }) {
  const { storage, notifier, logger } = deps;
  const batchSize = deps.batchSize ?? FAN_OUT_BATCH;
  const running = new Set<Promise<FanOutProgress>>();
  let stopped = false;

  async function run(creatorId: string, template: Omit<NotificationRecord, 'userId'>, wire: Notification): Promise<FanOutProgress> {
    const progress: FanOutProgress = { batches: 0, recipients: 0 };
    let after: string | null = null;
    while (!stopped) {
      // Yield between batches: requests and live traffic go first.
      await new Promise((resolve) => setImmediate(resolve));
      const page = await storage.follows.notifiablePage(creatorId, after, batchSize);
      if (page.length === 0) break;
      await storage.notifications.insertMany(page.map((userId) => ({ ...template, userId })));
      notifier.toUsers(page, 'notification:new', { notification: wire });
      progress.batches++;
      progress.recipients += page.length;
      after = page[page.length - 1] ?? null;
      if (page.length < batchSize) break;
    }
    return progress;
  }

  return {
    /** Starts telling `creatorId`'s followers; resolves when the last batch is sent (nobody awaits it on a request). */
    start(creatorId: string, template: Omit<NotificationRecord, 'userId'>, wire: Notification): Promise<FanOutProgress> {
      const job = run(creatorId, template, wire);
      running.add(job);
      job
        .catch((err: unknown) => logger.error({ err, creatorId, id: template.id }, 'notification fan-out failed'))
        .finally(() => running.delete(job));
      return job;
    },
    /** Stops starting batches (shutdown); the batch in flight finishes. */
    async stop(): Promise<void> {
      stopped = true;
      await Promise.allSettled([...running]);
    },
  };
}
