import { mysqlTable, text, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { idColumn, msColumn } from './columns.js';

export const users = mysqlTable(
  'users',
  {
    id: idColumn('id').primaryKey(),
    username: varchar('username', { length: 64 }).notNull(),
    displayName: varchar('display_name', { length: 255 }).notNull(),
    kind: varchar('kind', { length: 16, enum: ['account', 'guest'] }).notNull(),
    passwordHash: text('password_hash'),
    createdAt: msColumn('created_at').notNull(),
  },
  (t) => [uniqueIndex('users_username_uq').on(t.username)],
);
