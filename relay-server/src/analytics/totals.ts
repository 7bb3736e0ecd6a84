import type { AnalyticsBucket, AnalyticsTotals } from '../../../protocol/analytics.js';
import type { AnalyticsBucketRecord, BucketSums, ViewerSums } from '../storage/types.js';

const EMPTY_BUCKETS: Omit<BucketSums, 'sessionId'> = {
  buckets: 0,
  durationMs: 0,
  peakViewers: 0,
  viewerMs: 0,
  chatMessages: 0,
  reactions: 0,
  gifts: 0,
  coins: 0,
  follows: 0,
};
const EMPTY_VIEWERS: Omit<ViewerSums, 'sessionId'> = { uniqueViewers: 0, watchedMs: 0, chatters: 0 };

/**
 * A live's totals from the sums over its buckets and viewers. The peak also takes the session's own
 * peak (raised on every viewer-count broadcast, on any node), which sees a crowd that came and went
 * between two samples.
 */
export function totalsOf(buckets: BucketSums | undefined, viewers: ViewerSums | undefined, sessionPeak: number): AnalyticsTotals {
  const b = buckets ?? EMPTY_BUCKETS;
  const v = viewers ?? EMPTY_VIEWERS;
  return {
    peakViewers: Math.max(sessionPeak, b.peakViewers),
    averageViewers: b.durationMs > 0 ? Math.round((b.viewerMs / b.durationMs) * 10) / 10 : 0,
    uniqueViewers: v.uniqueViewers,
    watchTimeMs: v.watchedMs,
    averageWatchTimeMs: v.uniqueViewers > 0 ? Math.round(v.watchedMs / v.uniqueViewers) : 0,
    chatMessages: b.chatMessages,
    chatters: v.chatters,
    chatParticipation: v.uniqueViewers > 0 ? Math.min(1, v.chatters / v.uniqueViewers) : 0,
    reactions: b.reactions,
    gifts: b.gifts,
    coinsEarned: b.coins,
    followsGained: b.follows,
  };
}

export function toBucketView(r: AnalyticsBucketRecord): AnalyticsBucket {
  return {
    index: r.index,
    startedAt: r.startedAt.toISOString(),
    durationMs: r.durationMs,
    viewers: r.viewers,
    viewersWebrtc: r.viewersWebrtc,
    viewersHls: r.viewersHls,
    chatMessages: r.chatMessages,
    reactions: r.reactions,
    gifts: r.gifts,
    coins: r.coins,
    follows: r.follows,
  };
}
