import { boolean, index, mysqlTable, text, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { idColumn, msColumn } from './columns.js';
import { sessions } from './sessions.js';
import { users } from './users.js';

export const invitations = mysqlTable(
  'invitations',
  {
    id: idColumn('id').primaryKey(),
    sessionId: idColumn('session_id').notNull().references(() => sessions.id, { onDelete: 'cascade' }),
    fromUserId: idColumn('from_user_id').notNull().references(() => users.id),
    toUserId: idColumn('to_user_id').notNull().references(() => users.id),
    message: text('message').notNull(),
    status: varchar('status', { length: 16, enum: ['pending', 'accepted', 'rejected', 'expired', 'cancelled'] }).notNull(),
    /** True while pending, NULL after: makes the unique key below cover pending invitations only. */
    pendingMarker: boolean('pending_marker'),
    createdAt: msColumn('created_at').notNull(),
    expiresAt: msColumn('expires_at').notNull(),
  },
  (t) => [
    uniqueIndex('invitations_pending_uq').on(t.sessionId, t.toUserId, t.pendingMarker),
    index('invitations_to_status_idx').on(t.toUserId, t.status),
    index('invitations_session_status_idx').on(t.sessionId, t.status),
  ],
);

export const inviteLinks = mysqlTable(
  'invite_links',
  {
    tokenHash: varchar('token_hash', { length: 128 }).primaryKey(),
    sessionId: idColumn('session_id').notNull().references(() => sessions.id, { onDelete: 'cascade' }),
    createdBy: idColumn('created_by').notNull().references(() => users.id),
    createdAt: msColumn('created_at').notNull(),
    expiresAt: msColumn('expires_at').notNull(),
  },
  (t) => [index('invite_links_session_idx').on(t.sessionId)],
);
