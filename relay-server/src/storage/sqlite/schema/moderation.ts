import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sessions } from './sessions.js';

export const mutes = sqliteTable(
  'mutes',
  {
    sessionId: text('session_id').notNull().references(() => sessions.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    until: integer('until'),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] })],
);

export const bans = sqliteTable(
  'bans',
  {
    sessionId: text('session_id').notNull().references(() => sessions.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    reason: text('reason'),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] })],
);

export const chatSettings = sqliteTable('chat_settings', {
  sessionId: text('session_id').primaryKey().references(() => sessions.id, { onDelete: 'cascade' }),
  slowModeSeconds: integer('slow_mode_seconds').notNull(),
  /** JSON array of strings. */
  blockedTerms: text('blocked_terms').notNull(),
  followersOnly: integer('followers_only', { mode: 'boolean' }).notNull(),
});

export const moderationLog = sqliteTable(
  'moderation_log',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull(),
    sessionId: text('session_id').notNull().references(() => sessions.id, { onDelete: 'cascade' }),
    actorId: text('actor_id').notNull(),
    action: text('action', {
      enum: ['pin', 'unpin', 'delete', 'mute', 'unmute', 'ban', 'unban', 'settings', 'role'],
    }).notNull(),
    targetUserId: text('target_user_id'),
    targetMessageId: text('target_message_id'),
    detail: text('detail'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('moderation_log_id_uq').on(t.id), index('moderation_log_session_seq_idx').on(t.sessionId, t.seq)],
);
