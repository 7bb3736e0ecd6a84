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
    },
    (t) => [k.uniqueIndex('users_username_uq').on(t.username)],
  );
  return { users };
}
