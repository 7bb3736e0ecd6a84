import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sessions } from './sessions.js';
import { users } from './users.js';

export const invitations = sqliteTable(
  'invitations',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id').notNull().references(() => sessions.id, { onDelete: 'cascade' }),
    fromUserId: text('from_user_id').notNull().references(() => users.id),
    toUserId: text('to_user_id').notNull().references(() => users.id),
    message: text('message').notNull(),
    status: text('status', { enum: ['pending', 'accepted', 'rejected', 'expired', 'cancelled'] }).notNull(),
    /** True while pending, NULL after: makes the unique key below cover pending invitations only. */
    pendingMarker: integer('pending_marker', { mode: 'boolean' }),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [
    uniqueIndex('invitations_pending_uq').on(t.sessionId, t.toUserId, t.pendingMarker),
    index('invitations_to_status_idx').on(t.toUserId, t.status),
    index('invitations_session_status_idx').on(t.sessionId, t.status),
  ],
);

export const inviteLinks = sqliteTable(
  'invite_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    sessionId: text('session_id').notNull().references(() => sessions.id, { onDelete: 'cascade' }),
    createdBy: text('created_by').notNull().references(() => users.id),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('invite_links_session_idx').on(t.sessionId)],
);
