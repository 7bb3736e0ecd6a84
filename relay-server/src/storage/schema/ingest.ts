import type { ColumnKit } from './kit.js';
import type { userTables } from './users.js';

/** Stream keys (stored as SHA-256 of the secret) and each user's defaults for lives started by an encoder. */
export function ingestTables(k: ColumnKit, { users }: ReturnType<typeof userTables>) {
  const streamKeys = k.table(
    'stream_keys',
    {
      id: k.id('id').primaryKey(),
      userId: k.id('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
      keyHash: k.id('key_hash').notNull(),
      last4: k.varchar('last4', 8).notNull(),
      label: k.varchar('label', 64).notNull(),
      createdAt: k.ms('created_at').notNull(),
      lastUsedAt: k.ms('last_used_at'),
      revokedAt: k.ms('revoked_at'),
    },
    (t) => [k.uniqueIndex('stream_keys_hash_uq').on(t.keyHash), k.index('stream_keys_user_idx').on(t.userId, t.revokedAt)],
  );

  const ingestDefaults = k.table('ingest_defaults', {
    userId: k.id('user_id').primaryKey().references(() => users.id, { onDelete: 'cascade' }),
    title: k.varchar('title', 255).notNull(),
    type: k.enum('type', ['video', 'audio', 'screen']).notNull(),
    isPublic: k.bool('is_public').notNull(),
    updatedAt: k.ms('updated_at').notNull(),
  });
  return { streamKeys, ingestDefaults };
}
