import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sessions } from './sessions.js';

export const messages = sqliteTable(
  'messages',
  {
    /** AUTOINCREMENT: never reused even after purges, so seq is the one global order. */
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull(),
    sessionId: text('session_id').notNull().references(() => sessions.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    displayName: text('display_name').notNull(),
    content: text('content').notNull(),
    type: text('type', { enum: ['text', 'system'] }).notNull(),
    clientMessageId: text('client_message_id'),
    pinned: integer('pinned', { mode: 'boolean' }).notNull().default(false),
    deletedAt: integer('deleted_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('messages_id_uq').on(t.id),
    uniqueIndex('messages_client_uq').on(t.sessionId, t.userId, t.clientMessageId),
    index('messages_session_seq_idx').on(t.sessionId, t.seq),
    index('messages_session_created_idx').on(t.sessionId, t.createdAt),
  ],
);

export const reactionCounts = sqliteTable(
  'reaction_counts',
  {
    sessionId: text('session_id').notNull().references(() => sessions.id, { onDelete: 'cascade' }),
    emoji: text('emoji').notNull(),
    count: integer('count').notNull(),
    lastAt: integer('last_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.emoji] })],
);
