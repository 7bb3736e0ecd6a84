import type { ColumnKit } from './kit.js';
import type { sessionTables } from './sessions.js';

/**
 * Live analytics: one row per 10 s bucket of a live, and one row per viewer seen in it. A bucket row
 * is written once (its primary key is the claim: when two relay nodes sample the same bucket, the
 * second insert fails and its whole transaction, viewer credits included, rolls back).
 */
export function analyticsTables(k: ColumnKit, { sessions }: ReturnType<typeof sessionTables>) {
  const analyticsBuckets = k.table(
    'analytics_buckets',
    {
      sessionId: k.id('session_id').notNull().references(() => sessions.id, { onDelete: 'cascade' }),
      /** Which 10 s slot of the live the bucket starts in (0 at the start). */
      bucketIndex: k.int('bucket_index').notNull(),
      startedAt: k.ms('started_at').notNull(),
      durationMs: k.int('duration_ms').notNull(),
      viewers: k.int('viewers').notNull(),
      viewersWebrtc: k.int('viewers_webrtc'),
      viewersHls: k.int('viewers_hls'),
      chatMessages: k.int('chat_messages').notNull(),
      reactions: k.int('reactions').notNull(),
      /** The session's reaction total when sampled (reactions are kept as counters): the next bucket's base. */
      reactionsTotal: k.amount('reactions_total').notNull(),
      gifts: k.int('gifts').notNull(),
      coins: k.amount('coins').notNull(),
      follows: k.int('follows').notNull(),
    },
    (t) => [k.primaryKey({ columns: [t.sessionId, t.bucketIndex] })],
  );

  const analyticsViewers = k.table(
    'analytics_viewers',
    {
      sessionId: k.id('session_id').notNull().references(() => sessions.id, { onDelete: 'cascade' }),
      userId: k.id('user_id').notNull(),
      watchedMs: k.amount('watched_ms').notNull(),
      chatted: k.bool('chatted').notNull(),
      firstSeenAt: k.ms('first_seen_at').notNull(),
      lastSeenAt: k.ms('last_seen_at').notNull(),
    },
    (t) => [k.primaryKey({ columns: [t.sessionId, t.userId] })],
  );
  return { analyticsBuckets, analyticsViewers };
}
