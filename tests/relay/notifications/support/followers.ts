/**
 * Followers written in bulk through the storage layer, for the fan-out tests and `npm run bench creators`:
 * what is under test is telling them, not signing them up (100,000 HTTP sign-ups would take the run).
 */
import { randomUUID } from 'node:crypto';
import type { Storage } from '../../../../relay-server/src/storage/types.js';

/** Accounts and follow rows per transaction. */
const SEED_BATCH = 1000;

/** `n` new accounts following `creatorId` (notifications on); their ids, in the order written. */
export async function seedFollowers(storage: Storage, creatorId: string, n: number): Promise<string[]> {
  const createdAt = new Date();
  // The run's own prefix keeps usernames unique when one database is seeded more than once.
  const run = randomUUID().slice(0, 8);
  const ids: string[] = [];
  for (let start = 0; start < n; start += SEED_BATCH) {
    const users = Array.from({ length: Math.min(SEED_BATCH, n - start) }, (_, i) => ({
      id: randomUUID(),
      username: `fan_${run}_${start + i}`,
      displayName: `Fan ${start + i}`,
      kind: 'account' as const,
      passwordHash: null,
      tokenGeneration: 0,
      createdAt,
    }));
    await storage.transaction(async (tx) => {
      await tx.users.addMany(users);
      await tx.follows.addMany(users.map((u) => ({ followerId: u.id, creatorId, notificationsMuted: false, createdAt })));
    });
    ids.push(...users.map((u) => u.id));
  }
  return ids;
}
