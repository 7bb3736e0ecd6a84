import type { ColumnKit } from './kit.js';
import type { userTables } from './users.js';

/** Multistreaming destinations: the platform's server address and the stream key, encrypted (AES-256-GCM, see destinations/key-box.ts). */
export function destinationTables(k: ColumnKit, { users }: ReturnType<typeof userTables>) {
  const destinations = k.table(
    'destinations',
    {
      id: k.id('id').primaryKey(),
      userId: k.id('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
      name: k.varchar('name', 64).notNull(),
      service: k.enum('service', ['youtube', 'twitch', 'tiktok', 'kick', 'custom']).notNull(),
      url: k.varchar('url', 512).notNull(),
      /** `v1.<iv>.<tag>.<ciphertext>` (base64url): never the key in clear. */
      keyCipher: k.text('key_cipher').notNull(),
      keyLast4: k.varchar('key_last4', 8).notNull(),
      enabled: k.bool('enabled').notNull(),
      createdAt: k.ms('created_at').notNull(),
      updatedAt: k.ms('updated_at').notNull(),
    },
    (t) => [k.index('destinations_user_idx').on(t.userId, t.createdAt)],
  );
  return { destinations };
}
