import type { ColumnKit } from './kit.js';
import type { userTables } from './users.js';

/** Who follows whom, and the public profile (bio, avatar) that goes with an account. */
export function followTables(k: ColumnKit, { users }: ReturnType<typeof userTables>) {
  const follows = k.table(
    'follows',
    {
      followerId: k.id('follower_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
      creatorId: k.id('creator_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
      /** The follower muted this creator's notifications (still follows). */
      notificationsMuted: k.bool('notifications_muted').notNull(),
      createdAt: k.ms('created_at').notNull(),
    },
    // The second index walks a creator's followers in id order: fan-out reads them page by page.
    // The third counts a creator's new followers in a time range (live analytics, every 10 s).
    (t) => [
      k.primaryKey({ columns: [t.followerId, t.creatorId] }),
      k.index('follows_creator_follower_idx').on(t.creatorId, t.followerId),
      k.index('follows_creator_created_idx').on(t.creatorId, t.createdAt),
    ],
  );

  const profiles = k.table('profiles', {
    userId: k.id('user_id').primaryKey().references(() => users.id, { onDelete: 'cascade' }),
    bio: k.text('bio').notNull(),
    /** The re-encoded avatar (WebP), base64: a few tens of KiB at most. */
    avatar: k.longText('avatar'),
    avatarUpdatedAt: k.ms('avatar_updated_at'),
  });
  const notifications = k.table(
    'notifications',
    {
      seq: k.serial('seq'),
      userId: k.id('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
      /** The same for every recipient of one event (`live:<sessionId>`): one broadcast carries it to all. */
      id: k.varchar('id', 100).notNull(),
      kind: k.enum('kind', ['live', 'scheduled']).notNull(),
      creatorId: k.id('creator_id').notNull(),
      sessionId: k.id('session_id'),
      title: k.varchar('title', 255).notNull(),
      startsAt: k.ms('starts_at'),
      createdAt: k.ms('created_at').notNull(),
      readAt: k.ms('read_at'),
    },
    (t) => [k.uniqueIndex('notifications_user_id_uq').on(t.userId, t.id), k.index('notifications_user_seq_idx').on(t.userId, t.seq)],
  );
  /** Lives a creator announced (title, time); `remindedAt` is set once, by whichever node reminds first. */
  const scheduledLives = k.table(
    'scheduled_lives',
    {
      id: k.id('id').primaryKey(),
      creatorId: k.id('creator_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
      title: k.varchar('title', 120).notNull(),
      startsAt: k.ms('starts_at').notNull(),
      createdAt: k.ms('created_at').notNull(),
      /** The live that kept the appointment (the creator went live near the time), or null. */
      sessionId: k.id('session_id'),
      remindedAt: k.ms('reminded_at'),
    },
    (t) => [k.index('scheduled_lives_creator_idx').on(t.creatorId, t.startsAt), k.index('scheduled_lives_starts_idx').on(t.startsAt)],
  );
  return { follows, profiles, notifications, scheduledLives };
}
