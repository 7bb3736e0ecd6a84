import { boolean, index, int, mysqlTable, primaryKey, text, varchar } from 'drizzle-orm/mysql-core';
import { idColumn, msColumn } from './columns.js';
import { users } from './users.js';

export const sessions = mysqlTable(
  'sessions',
  {
    id: idColumn('id').primaryKey(),
    hostId: idColumn('host_id').notNull().references(() => users.id),
    title: varchar('title', { length: 255 }).notNull(),
    description: text('description').notNull(),
    type: varchar('type', { length: 16, enum: ['video', 'audio', 'screen'] }).notNull(),
    isPublic: boolean('is_public').notNull(),
    maxParticipants: int('max_participants').notNull(),
    state: varchar('state', { length: 16, enum: ['pending', 'starting', 'live', 'ending', 'ended'] }).notNull(),
    createdAt: msColumn('created_at').notNull(),
    startedAt: msColumn('started_at'),
    endedAt: msColumn('ended_at'),
    peakViewerCount: int('peak_viewer_count').notNull().default(0),
  },
  (t) => [index('sessions_state_idx').on(t.state, t.createdAt), index('sessions_host_state_idx').on(t.hostId, t.state)],
);

export const participants = mysqlTable(
  'participants',
  {
    sessionId: idColumn('session_id').notNull().references(() => sessions.id, { onDelete: 'cascade' }),
    userId: idColumn('user_id').notNull().references(() => users.id),
    role: varchar('role', { length: 16, enum: ['host', 'moderator', 'guest', 'viewer'] }).notNull(),
    audioEnabled: boolean('audio_enabled').notNull(),
    videoEnabled: boolean('video_enabled').notNull(),
    audioForcedOff: boolean('audio_forced_off').notNull(),
    videoForcedOff: boolean('video_forced_off').notNull(),
    joinedAt: msColumn('joined_at').notNull(),
    leftAt: msColumn('left_at'),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] }), index('participants_user_idx').on(t.userId)],
);
