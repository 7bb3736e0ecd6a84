import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './users.js';

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    hostId: text('host_id').notNull().references(() => users.id),
    title: text('title').notNull(),
    description: text('description').notNull(),
    type: text('type', { enum: ['video', 'audio', 'screen'] }).notNull(),
    isPublic: integer('is_public', { mode: 'boolean' }).notNull(),
    maxParticipants: integer('max_participants').notNull(),
    state: text('state', { enum: ['pending', 'starting', 'live', 'ending', 'ended'] }).notNull(),
    createdAt: integer('created_at').notNull(),
    startedAt: integer('started_at'),
    endedAt: integer('ended_at'),
    peakViewerCount: integer('peak_viewer_count').notNull().default(0),
  },
  (t) => [index('sessions_state_idx').on(t.state, t.createdAt), index('sessions_host_state_idx').on(t.hostId, t.state)],
);

export const participants = sqliteTable(
  'participants',
  {
    sessionId: text('session_id').notNull().references(() => sessions.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id),
    role: text('role', { enum: ['host', 'moderator', 'guest', 'viewer'] }).notNull(),
    audioEnabled: integer('audio_enabled', { mode: 'boolean' }).notNull(),
    videoEnabled: integer('video_enabled', { mode: 'boolean' }).notNull(),
    audioForcedOff: integer('audio_forced_off', { mode: 'boolean' }).notNull(),
    videoForcedOff: integer('video_forced_off', { mode: 'boolean' }).notNull(),
    joinedAt: integer('joined_at').notNull(),
    leftAt: integer('left_at'),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] }), index('participants_user_idx').on(t.userId)],
);
