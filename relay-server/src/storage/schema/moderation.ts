import type { ColumnKit } from './kit.js';
import type { sessionTables } from './sessions.js';

export function moderationTables(k: ColumnKit, { sessions }: ReturnType<typeof sessionTables>) {
  const mutes = k.table(
    'mutes',
    {
      sessionId: k.id('session_id').notNull().references(() => sessions.id, { onDelete: 'cascade' }),
      userId: k.id('user_id').notNull(),
      until: k.ms('until'),
      createdBy: k.id('created_by').notNull(),
      createdAt: k.ms('created_at').notNull(),
    },
    (t) => [k.primaryKey({ columns: [t.sessionId, t.userId] })],
  );

  const bans = k.table(
    'bans',
    {
      sessionId: k.id('session_id').notNull().references(() => sessions.id, { onDelete: 'cascade' }),
      userId: k.id('user_id').notNull(),
      reason: k.text('reason'),
      createdBy: k.id('created_by').notNull(),
      createdAt: k.ms('created_at').notNull(),
    },
    (t) => [k.primaryKey({ columns: [t.sessionId, t.userId] })],
  );

  const chatSettings = k.table('chat_settings', {
    sessionId: k.id('session_id').primaryKey().references(() => sessions.id, { onDelete: 'cascade' }),
    slowModeSeconds: k.int('slow_mode_seconds').notNull(),
    /** JSON array of strings. */
    blockedTerms: k.longText('blocked_terms').notNull(),
    followersOnly: k.bool('followers_only').notNull(),
    followersOnlyMinutes: k.int('followers_only_minutes').notNull().default(0),
  });

  const moderationLog = k.table(
    'moderation_log',
    {
      seq: k.serial('seq'),
      id: k.id('id').notNull(),
      sessionId: k.id('session_id').notNull().references(() => sessions.id, { onDelete: 'cascade' }),
      actorId: k.id('actor_id').notNull(),
      action: k.enum('action', ['pin', 'unpin', 'delete', 'mute', 'unmute', 'ban', 'unban', 'settings', 'role']).notNull(),
      targetUserId: k.id('target_user_id'),
      targetMessageId: k.id('target_message_id'),
      detail: k.text('detail'),
      createdAt: k.ms('created_at').notNull(),
    },
    (t) => [k.uniqueIndex('moderation_log_id_uq').on(t.id), k.index('moderation_log_session_seq_idx').on(t.sessionId, t.seq)],
  );
  return { mutes, bans, chatSettings, moderationLog };
}
