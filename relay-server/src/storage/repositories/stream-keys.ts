import { and, asc, eq, isNull } from 'drizzle-orm';
import type { StreamKeyRepo } from '../types.js';
import type { Dialect } from '../dialect.js';
import { uniqueAs } from '../shared/errors.js';
import { ingestDefaultsFromRow, ingestDefaultsToRow, streamKeyFromRow, streamKeyToRow } from '../shared/rows.js';

export function streamKeysRepo(d: Dialect): StreamKeyRepo {
  const { db } = d;
  const { streamKeys, ingestDefaults } = d.t;
  return {
    async create(key) {
      await uniqueAs('stream_key', () => db.insert(streamKeys).values(streamKeyToRow(key)));
      return key;
    },
    async listActive(userId) {
      const rows = await db
        .select()
        .from(streamKeys)
        .where(and(eq(streamKeys.userId, userId), isNull(streamKeys.revokedAt)))
        .orderBy(asc(streamKeys.createdAt), asc(streamKeys.id));
      return rows.map(streamKeyFromRow);
    },
    async findActiveByHash(keyHash) {
      const [row] = await db.select().from(streamKeys).where(and(eq(streamKeys.keyHash, keyHash), isNull(streamKeys.revokedAt)));
      return row ? streamKeyFromRow(row) : null;
    },
    async revoke(id, userId, at) {
      const mine = and(eq(streamKeys.id, id), eq(streamKeys.userId, userId), isNull(streamKeys.revokedAt));
      return (await d.update(streamKeys, { revokedAt: at.getTime() }, mine)) > 0;
    },
    async touch(id, at) {
      await d.update(streamKeys, { lastUsedAt: at.getTime() }, eq(streamKeys.id, id));
    },
    async getDefaults(userId) {
      const [row] = await db.select().from(ingestDefaults).where(eq(ingestDefaults.userId, userId));
      return row ? ingestDefaultsFromRow(row) : null;
    },
    async putDefaults(defaults) {
      const row = ingestDefaultsToRow(defaults);
      const { userId: _u, ...rest } = row;
      await d.upsert(ingestDefaults, row, [ingestDefaults.userId], rest);
      return defaults;
    },
  };
}
