import { ANALYTICS_BUCKET_MS } from '../../../protocol/analytics.js';
import type { Clock, Presence } from '../core/ports.js';
import { DuplicateKeyError, type AnalyticsBucketRecord, type SessionRecord, type Storage, type ViewerSighting } from '../storage/types.js';

/**
 * A bucket is sampled this long after it closes, so events stamped inside it (a chat message, a gift
 * paid in a group commit) have committed before it is counted.
 */
export const SETTLE_MS = 2_000;

/** Viewers per delivery path across every node, when the relay can tell them apart. */
export type ViewerPathCount = (sessionId: string) => Promise<{ webrtc: number; hls: number }>;

export interface SamplerDeps {
  storage: Storage;
  presence: Pick<Presence, 'viewerCount' | 'connectedUserIds'>;
  clock: Clock;
  viewerPaths?: () => ViewerPathCount | null;
}

/** The interval the next bucket of `session` covers, after `last` (contiguous: each starts where the last ended). */
export function nextInterval(session: SessionRecord, last: AnalyticsBucketRecord | null, until: number): { from: number; to: number; index: number } | null {
  if (!session.startedAt) return null;
  const origin = session.startedAt.getTime();
  const from = last ? last.startedAt.getTime() + last.durationMs : origin;
  if (until <= from) return null;
  return { from, to: until, index: Math.round((from - origin) / ANALYTICS_BUCKET_MS) };
}

/** The last bucket boundary a live has passed, SETTLE_MS ago: regular buckets end there. */
export function settledBoundary(session: SessionRecord, now: number): number | null {
  if (!session.startedAt) return null;
  const origin = session.startedAt.getTime();
  return origin + Math.floor((now - SETTLE_MS - origin) / ANALYTICS_BUCKET_MS) * ANALYTICS_BUCKET_MS;
}

/**
 * Writes a live's buckets. Any relay node may sample any live: the bucket's primary key
 * (session, index) is the claim. The figures come from what every node shares (the database, and
 * Presence, which asks all nodes through the Socket.io adapter), so whichever node wins writes the
 * same kind of row; the loser's transaction (bucket and viewer credits) rolls back whole, and a
 * bucket always starts where the stored one before it ended, so no interval is counted twice or skipped.
 */
export function createSampler(deps: SamplerDeps) {
  const { storage, presence, clock } = deps;

  /** Host and guests: in the room but not viewers. */
  async function performers(session: SessionRecord): Promise<Set<string>> {
    const seated = await storage.participants.list(session.id, ['host', 'guest']);
    return new Set([session.hostId, ...seated.map((p) => p.userId)]);
  }

  async function viewerPaths(sessionId: string): Promise<{ webrtc: number | null; hls: number | null }> {
    const count = deps.viewerPaths?.();
    if (!count) return { webrtc: null, hls: null };
    return count(sessionId);
  }

  /** Who the bucket saw: present now (credited its duration), or joined or chatted during it. */
  function sightings(present: Set<string>, joined: string[], chatters: Set<string>, onStage: Set<string>, durationMs: number): ViewerSighting[] {
    const seen = new Map<string, ViewerSighting>();
    for (const userId of present) seen.set(userId, { userId, watchedMs: durationMs, chatted: false });
    for (const userId of [...joined, ...chatters]) if (!seen.has(userId)) seen.set(userId, { userId, watchedMs: 0, chatted: false });
    for (const [userId, s] of seen) {
      if (onStage.has(userId)) seen.delete(userId);
      else s.chatted = chatters.has(userId);
    }
    return [...seen.values()];
  }

  /** Samples and writes one bucket; false when another node wrote that bucket first. */
  async function write(session: SessionRecord, last: AnalyticsBucketRecord | null, interval: { from: number; to: number; index: number }): Promise<boolean> {
    const from = new Date(interval.from);
    const to = new Date(interval.to);
    const durationMs = interval.to - interval.from;
    const [viewers, connected, onStage, paths, reactionsTotal, events] = await Promise.all([
      presence.viewerCount(session.id),
      presence.connectedUserIds(session.id),
      performers(session),
      viewerPaths(session.id),
      storage.reactions.total(session.id),
      storage.analytics.eventsBetween(session.id, session.hostId, from, to),
    ]);
    const chatters = new Set(events.chatterIds);
    const bucket: AnalyticsBucketRecord = {
      sessionId: session.id,
      index: interval.index,
      startedAt: from,
      durationMs,
      viewers,
      viewersWebrtc: paths.webrtc,
      viewersHls: paths.hls,
      chatMessages: events.chatMessages,
      reactions: Math.max(0, reactionsTotal - (last?.reactionsTotal ?? 0)),
      reactionsTotal,
      gifts: events.gifts,
      coins: events.coins,
      follows: events.follows,
    };
    const seen = sightings(connected, events.joinedIds, chatters, onStage, durationMs);
    try {
      await storage.transaction(async (tx) => {
        // The claim first: a second node blocks here until the first commits, then fails.
        await tx.analytics.insertBucket(bucket);
        await tx.analytics.creditViewers(session.id, seen, clock());
      });
      return true;
    } catch (err) {
      if (err instanceof DuplicateKeyError && err.key === 'analytics_bucket') return false;
      throw err;
    }
  }

  /**
   * Writes buckets of `session` until the stored ones reach `until`. A bucket another node wrote
   * meanwhile is read back and the next one starts after it. Returns the last bucket stored.
   */
  async function writeUntil(session: SessionRecord, until: number): Promise<AnalyticsBucketRecord | null> {
    let last = await storage.analytics.lastBucket(session.id);
    // Each pass either writes a bucket or learns of one written elsewhere: a few passes at most.
    for (let pass = 0; pass < 5; pass++) {
      const interval = nextInterval(session, last, until);
      if (!interval) return last;
      await write(session, last, interval);
      last = await storage.analytics.lastBucket(session.id);
    }
    return last;
  }

  return {
    /** The buckets of a live on air that have closed (and settled) by now. */
    sampleLive(session: SessionRecord) {
      const boundary = settledBoundary(session, clock().getTime());
      return boundary === null ? Promise.resolve(null) : writeUntil(session, boundary);
    },
    /** The last bucket of an ended live: it ends with the live. */
    sampleEnded(session: SessionRecord) {
      return session.endedAt ? writeUntil(session, session.endedAt.getTime()) : Promise.resolve(null);
    },
  };
}

export type Sampler = ReturnType<typeof createSampler>;
