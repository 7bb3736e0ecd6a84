import type { ColumnKit } from './kit.js';
import type { userTables } from './users.js';

export function sessionTables(k: ColumnKit, { users }: ReturnType<typeof userTables>) {
  const sessions = k.table(
    'sessions',
    {
      id: k.id('id').primaryKey(),
      hostId: k.id('host_id').notNull().references(() => users.id),
      title: k.varchar('title', 255).notNull(),
      description: k.text('description').notNull(),
      type: k.enum('type', ['video', 'audio', 'screen']).notNull(),
      isPublic: k.bool('is_public').notNull(),
      maxParticipants: k.int('max_participants').notNull(),
      state: k.enum('state', ['pending', 'starting', 'live', 'ending', 'ended']).notNull(),
      createdAt: k.ms('created_at').notNull(),
      startedAt: k.ms('started_at'),
      endedAt: k.ms('ended_at'),
      peakViewerCount: k.int('peak_viewer_count').notNull().default(0),
    },
    (t) => [k.index('sessions_state_idx').on(t.state, t.createdAt), k.index('sessions_host_state_idx').on(t.hostId, t.state)],
  );

  const participants = k.table(
    'participants',
    {
      sessionId: k.id('session_id').notNull().references(() => sessions.id, { onDelete: 'cascade' }),
      userId: k.id('user_id').notNull().references(() => users.id),
      role: k.enum('role', ['host', 'moderator', 'guest', 'viewer']).notNull(),
      audioEnabled: k.bool('audio_enabled').notNull(),
      videoEnabled: k.bool('video_enabled').notNull(),
      audioForcedOff: k.bool('audio_forced_off').notNull(),
      videoForcedOff: k.bool('video_forced_off').notNull(),
      joinedAt: k.ms('joined_at').notNull(),
      leftAt: k.ms('left_at'),
    },
    (t) => [k.primaryKey({ columns: [t.sessionId, t.userId] }), k.index('participants_user_idx').on(t.userId)],
  );
  return { sessions, participants };
}
