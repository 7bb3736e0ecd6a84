/** Live analytics: 10 s buckets of a live and the viewers it saw. */

export interface AnalyticsBucketRecord {
  sessionId: string;
  /** Which 10 s slot of the live the bucket starts in. */
  index: number;
  startedAt: Date;
  durationMs: number;
  /** Concurrent viewers sampled when the bucket closed. */
  viewers: number;
  viewersWebrtc: number | null;
  viewersHls: number | null;
  chatMessages: number;
  reactions: number;
  /** The session's reaction counter when sampled (the next bucket's reactions are the difference). */
  reactionsTotal: number;
  gifts: number;
  coins: number;
  follows: number;
}

/** What happened in a live during [from, to), read from the tables that hold it. */
export interface IntervalEvents {
  /** Chat messages of type text (deleted ones too: they were sent). */
  chatMessages: number;
  /** Authors of those messages. */
  chatterIds: string[];
  /** Viewers and moderators whose participant row was (re)joined in the interval. */
  joinedIds: string[];
  gifts: number;
  coins: number;
  /** New followers of the creator (still following when counted). */
  follows: number;
}

/** A viewer seen in one bucket: present when sampled (credited the bucket's duration) or only joined/chatted. */
export interface ViewerSighting {
  userId: string;
  watchedMs: number;
  chatted: boolean;
}

/** Sums over one live's buckets. */
export interface BucketSums {
  sessionId: string;
  buckets: number;
  durationMs: number;
  peakViewers: number;
  /** Σ viewers × durationMs (the time-weighted mean's numerator). */
  viewerMs: number;
  chatMessages: number;
  reactions: number;
  gifts: number;
  coins: number;
  follows: number;
}

/** Sums over one live's viewers. */
export interface ViewerSums {
  sessionId: string;
  uniqueViewers: number;
  watchedMs: number;
  chatters: number;
}

export interface AnalyticsRepo {
  eventsBetween(sessionId: string, creatorId: string, from: Date, to: Date): Promise<IntervalEvents>;
  /** The bucket with the highest index, or null before the first. */
  lastBucket(sessionId: string): Promise<AnalyticsBucketRecord | null>;
  /** DuplicateKeyError `analytics_bucket` when that bucket is already written (another node sampled it). */
  insertBucket(bucket: AnalyticsBucketRecord): Promise<void>;
  /** Adds each sighting's watch time and chat flag to the viewer's row (creating it). Run it in the bucket's transaction. */
  creditViewers(sessionId: string, sightings: ViewerSighting[], at: Date): Promise<void>;
  /** Buckets with index > `afterIndex` (all when undefined), in order. */
  buckets(sessionId: string, afterIndex?: number): Promise<AnalyticsBucketRecord[]>;
  bucketSums(sessionIds: string[]): Promise<BucketSums[]>;
  viewerSums(sessionIds: string[]): Promise<ViewerSums[]>;
}
