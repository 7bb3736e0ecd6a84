import type { ColumnKit } from './kit.js';
import type { sessionTables } from './sessions.js';
import type { userTables } from './users.js';

type Parents = ReturnType<typeof userTables> & ReturnType<typeof sessionTables>;

export function invitationTables(k: ColumnKit, { users, sessions }: Parents) {
  const invitations = k.table(
    'invitations',
    {
      id: k.id('id').primaryKey(),
      sessionId: k.id('session_id').notNull().references(() => sessions.id, { onDelete: 'cascade' }),
      fromUserId: k.id('from_user_id').notNull().references(() => users.id),
      toUserId: k.id('to_user_id').notNull().references(() => users.id),
      message: k.text('message').notNull(),
      status: k.enum('status', ['pending', 'accepted', 'rejected', 'expired', 'cancelled']).notNull(),
      /** True while pending, NULL after: makes the unique key below cover pending invitations only. */
      pendingMarker: k.bool('pending_marker'),
      createdAt: k.ms('created_at').notNull(),
      expiresAt: k.ms('expires_at').notNull(),
    },
    (t) => [
      k.uniqueIndex('invitations_pending_uq').on(t.sessionId, t.toUserId, t.pendingMarker),
      k.index('invitations_to_status_idx').on(t.toUserId, t.status),
      k.index('invitations_session_status_idx').on(t.sessionId, t.status),
    ],
  );

  const inviteLinks = k.table(
    'invite_links',
    {
      tokenHash: k.varchar('token_hash', 128).primaryKey(),
      sessionId: k.id('session_id').notNull().references(() => sessions.id, { onDelete: 'cascade' }),
      createdBy: k.id('created_by').notNull().references(() => users.id),
      createdAt: k.ms('created_at').notNull(),
      expiresAt: k.ms('expires_at').notNull(),
      /** 'viewer': the link lets its holder watch a private live; NULL (older links) and 'guest': join the stage. */
      role: k.enum('role', ['guest', 'viewer']),
    },
    (t) => [k.index('invite_links_session_idx').on(t.sessionId)],
  );
  return { invitations, inviteLinks };
}
