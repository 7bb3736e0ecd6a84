import type { ColumnKit } from './kit.js';

export function userTables(k: ColumnKit) {
  const users = k.table(
    'users',
    {
      id: k.id('id').primaryKey(),
      username: k.varchar('username', 64).notNull(),
      displayName: k.varchar('display_name', 255).notNull(),
      kind: k.enum('kind', ['account', 'guest']).notNull(),
      passwordHash: k.text('password_hash'),
      createdAt: k.ms('created_at').notNull(),
      /** Raised by "sign out everywhere": tokens signed with a lower generation are refused. */
      tokenGeneration: k.int('token_generation').notNull().default(0),
    },
    (t) => [k.uniqueIndex('users_username_uq').on(t.username)],
  );

  /** Tokens ended by logout, kept until they would have expired anyway (so a restart does not revive them). */
  const revokedTokens = k.table(
    'revoked_tokens',
    {
      jti: k.id('jti').primaryKey(),
      expiresAt: k.ms('expires_at').notNull(),
    },
    (t) => [k.index('revoked_tokens_expiry_idx').on(t.expiresAt)],
  );
  return { users, revokedTokens };
}
