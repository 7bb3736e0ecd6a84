import { bigint, boolean, index, int, mediumtext, mysqlTable, primaryKey, text, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { idColumn, msColumn } from './columns.js';
import { sessions } from './sessions.js';

export const mutes = mysqlTable(
  'mutes',
  {
    sessionId: idColumn('session_id').notNull().references(() => sessions.id, { onDelete: 'cascade' }),
    userId: idColumn('user_id').notNull(),
    until: msColumn('until'),
    createdBy: idColumn('created_by').notNull(),
    createdAt: msColumn('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] })],
);

export const bans = mysqlTable(
  'bans',
  {
    sessionId: idColumn('session_id').notNull().references(() => sessions.id, { onDelete: 'cascade' }),
    userId: idColumn('user_id').notNull(),
    reason: text('reason'),
    createdBy: idColumn('created_by').notNull(),
    createdAt: msColumn('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] })],
);

export const chatSettings = mysqlTable('chat_settings', {
  sessionId: idColumn('session_id').primaryKey().references(() => sessions.id, { onDelete: 'cascade' }),
  slowModeSeconds: int('slow_mode_seconds').notNull(),
  /** JSON array of strings. */
  blockedTerms: mediumtext('blocked_terms').notNull(),
  followersOnly: boolean('followers_only').notNull(),
});

export const moderationLog = mysqlTable(
  'moderation_log',
  {
    seq: bigint('seq', { mode: 'number' }).autoincrement().primaryKey(),
    id: idColumn('id').notNull(),
    sessionId: idColumn('session_id').notNull().references(() => sessions.id, { onDelete: 'cascade' }),
    actorId: idColumn('actor_id').notNull(),
    action: varchar('action', {
      length: 16,
      enum: ['pin', 'unpin', 'delete', 'mute', 'unmute', 'ban', 'unban', 'settings', 'role'],
    }).notNull(),
    targetUserId: idColumn('target_user_id'),
    targetMessageId: idColumn('target_message_id'),
    detail: text('detail'),
    createdAt: msColumn('created_at').notNull(),
  },
  (t) => [uniqueIndex('moderation_log_id_uq').on(t.id), index('moderation_log_session_seq_idx').on(t.sessionId, t.seq)],
);
