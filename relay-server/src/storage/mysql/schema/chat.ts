import { bigint, boolean, index, int, mysqlTable, primaryKey, text, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { idColumn, msColumn } from './columns.js';
import { sessions } from './sessions.js';

export const messages = mysqlTable(
  'messages',
  {
    /** AUTO_INCREMENT: the one global order of messages. */
    seq: bigint('seq', { mode: 'number' }).autoincrement().primaryKey(),
    id: idColumn('id').notNull(),
    sessionId: idColumn('session_id').notNull().references(() => sessions.id, { onDelete: 'cascade' }),
    userId: idColumn('user_id').notNull(),
    displayName: varchar('display_name', { length: 255 }).notNull(),
    content: text('content').notNull(),
    type: varchar('type', { length: 16, enum: ['text', 'system'] }).notNull(),
    clientMessageId: varchar('client_message_id', { length: 128 }),
    pinned: boolean('pinned').notNull().default(false),
    deletedAt: msColumn('deleted_at'),
    createdAt: msColumn('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('messages_id_uq').on(t.id),
    uniqueIndex('messages_client_uq').on(t.sessionId, t.userId, t.clientMessageId),
    index('messages_session_seq_idx').on(t.sessionId, t.seq),
    index('messages_session_created_idx').on(t.sessionId, t.createdAt),
  ],
);

export const reactionCounts = mysqlTable(
  'reaction_counts',
  {
    sessionId: idColumn('session_id').notNull().references(() => sessions.id, { onDelete: 'cascade' }),
    emoji: varchar('emoji', { length: 64 }).notNull(),
    count: int('count').notNull(),
    lastAt: msColumn('last_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.emoji] })],
);
