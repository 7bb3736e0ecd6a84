import { z } from 'zod';
import { Id, IsoTime } from './common.js';
import { SessionState } from './sessions.js';

/** A live is measured in buckets of this length: one row every 10 s (the last one ends with the live). */
export const ANALYTICS_BUCKET_MS = 10_000;

/** Most past lives the dashboard lists at once. */
export const ANALYTICS_LIVES_MAX = 100;

const Count = z.number().int().min(0);

/**
 * One bucket of a live: what happened in [startedAt, startedAt + durationMs). Viewers are sampled when
 * the bucket closes (a relay node counts the session's room across every node); the other figures
 * count the events of the interval. Per-path viewers are null when the relay could not tell them apart.
 */
export const AnalyticsBucket = z.object({
  index: Count,
  startedAt: IsoTime,
  durationMs: Count,
  viewers: Count,
  viewersWebrtc: Count.nullable(),
  viewersHls: Count.nullable(),
  chatMessages: Count,
  reactions: Count,
  gifts: Count,
  coins: Count,
  follows: Count,
});
export type AnalyticsBucket = z.infer<typeof AnalyticsBucket>;

/** A live's totals, from its buckets and the viewers it saw. */
export const AnalyticsTotals = z.object({
  peakViewers: Count,
  /** Time-weighted mean of the sampled concurrent viewers. */
  averageViewers: z.number().min(0),
  /** Distinct signed-in (or guest) viewers seen in the room; anonymous sockets are not told apart. */
  uniqueViewers: Count,
  /** Sum over viewers of the time they were seen in the room (10 s resolution). */
  watchTimeMs: Count,
  averageWatchTimeMs: Count,
  chatMessages: Count,
  /** Viewers who wrote at least one chat message. */
  chatters: Count,
  /** chatters / uniqueViewers, 0..1 (0 when nobody watched). */
  chatParticipation: z.number().min(0).max(1),
  reactions: Count,
  gifts: Count,
  coinsEarned: Count,
  followsGained: Count,
});
export type AnalyticsTotals = z.infer<typeof AnalyticsTotals>;

export const LiveAnalytics = z.object({
  sessionId: Id,
  title: z.string(),
  state: SessionState,
  startedAt: IsoTime.nullable(),
  endedAt: IsoTime.nullable(),
  durationMs: Count,
  bucketMs: z.number().int().positive(),
  totals: AnalyticsTotals,
  buckets: z.array(AnalyticsBucket),
});
export type LiveAnalytics = z.infer<typeof LiveAnalytics>;
export const LiveAnalyticsReply = z.object({ analytics: LiveAnalytics });

/** A whole number in a query string: digits only (no sign, exponent, spaces or empty string), at most 9 of them. */
const QueryInt = z
  .string()
  .regex(/^\d{1,9}$/, 'a whole number')
  .transform(Number);

/** `after`: only the buckets whose index is greater (a live chart fetches what it has not seen). */
export const LiveAnalyticsQuery = z.strictObject({ after: QueryInt.optional() });

export const AnalyticsLivesQuery = z.strictObject({
  limit: QueryInt.pipe(z.number().int().min(1).max(ANALYTICS_LIVES_MAX)).optional(),
});

/** One row of the dashboard of past lives. */
export const AnalyticsLiveRow = z.object({
  sessionId: Id,
  title: z.string(),
  state: SessionState,
  startedAt: IsoTime.nullable(),
  endedAt: IsoTime.nullable(),
  durationMs: Count,
  totals: AnalyticsTotals,
});
export type AnalyticsLiveRow = z.infer<typeof AnalyticsLiveRow>;
export const AnalyticsLivesReply = z.object({ lives: z.array(AnalyticsLiveRow) });
