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
    (t) => [k.primaryKey({ columns: [t.followerId, t.creatorId] }), k.index('follows_creator_follower_idx').on(t.creatorId, t.followerId)],
  );

  const profiles = k.table('profiles', {
    userId: k.id('user_id').primaryKey().references(() => users.id, { onDelete: 'cascade' }),
    bio: k.text('bio').notNull(),
    /** The re-encoded avatar (WebP), base64: a few tens of KiB at most. */
    avatar: k.longText('avatar'),
    avatarUpdatedAt: k.ms('avatar_updated_at'),
  });
  return { follows, profiles };
}
