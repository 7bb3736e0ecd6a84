import { AsyncResource } from 'node:async_hooks';
import type { ParticipantRecord, Storage } from '../storage/types.js';

interface Pending {
  record: ParticipantRecord;
  resolve: (record: ParticipantRecord) => void;
  reject: (err: unknown) => void;
}

/**
 * Writes the viewer rows of signed-in joins together: every row asked for during one turn of the
 * event loop goes into one transaction, so a join storm commits once per turn instead of once per
 * join. Each caller still waits for its own row to be written before it answers. Viewer rows take
 * no seat, so no check has to run inside the transaction; if the batch fails, each row is retried
 * on its own so that one bad row fails only its own join.
 */
export function createViewerRowWriter(storage: Storage): (record: ParticipantRecord) => Promise<ParticipantRecord> {
  let pending: Pending[] = [];
  // Runs in the writer's own async context, not the first caller's (who might hold a storage transaction).
  const flushSoon = AsyncResource.bind(() => setImmediate(() => void flush()));

  async function flush(): Promise<void> {
    const batch = pending;
    pending = [];
    try {
      await storage.transaction(async (tx) => {
        for (const item of batch) await tx.participants.upsert(item.record);
      });
      for (const item of batch) item.resolve(item.record);
    } catch {
      for (const item of batch) storage.participants.upsert(item.record).then(item.resolve, item.reject);
    }
  }

  return (record) =>
    new Promise((resolve, reject) => {
      if (pending.length === 0) flushSoon();
      pending.push({ record, resolve, reject });
    });
}
