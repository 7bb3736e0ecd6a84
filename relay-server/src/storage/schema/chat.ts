import type { ColumnKit } from './kit.js';
import type { sessionTables } from './sessions.js';

export function chatTables(k: ColumnKit, { sessions }: ReturnType<typeof sessionTables>) {
  const messages = k.table(
    'messages',
    {
      /** Never reused, even after purges: the one global order of messages. */
      seq: k.serial('seq'),
      id: k.id('id').notNull(),
      sessionId: k.id('session_id').notNull().references(() => sessions.id, { onDelete: 'cascade' }),
      userId: k.id('user_id').notNull(),
      displayName: k.varchar('display_name', 255).notNull(),
      content: k.text('content').notNull(),
      type: k.enum('type', ['text', 'system']).notNull(),
      clientMessageId: k.varchar('client_message_id', 128),
      pinned: k.bool('pinned').notNull().default(false),
      deletedAt: k.ms('deleted_at'),
      createdAt: k.ms('created_at').notNull(),
    },
    (t) => [
      k.uniqueIndex('messages_id_uq').on(t.id),
      k.uniqueIndex('messages_client_uq').on(t.sessionId, t.userId, t.clientMessageId),
      k.index('messages_session_seq_idx').on(t.sessionId, t.seq),
      k.index('messages_session_created_idx').on(t.sessionId, t.createdAt),
    ],
  );

  const reactionCounts = k.table(
    'reaction_counts',
    {
      sessionId: k.id('session_id').notNull().references(() => sessions.id, { onDelete: 'cascade' }),
      emoji: k.varchar('emoji', 64).notNull(),
      count: k.int('count').notNull(),
      lastAt: k.ms('last_at').notNull(),
    },
    (t) => [k.primaryKey({ columns: [t.sessionId, t.emoji] })],
  );
  return { messages, reactionCounts };
}
