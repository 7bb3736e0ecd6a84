import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    kind: text('kind', { enum: ['account', 'guest'] }).notNull(),
    passwordHash: text('password_hash'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('users_username_uq').on(t.username)],
);
