import { ANALYTICS_BUCKET_MS, type AnalyticsLiveRow, type LiveAnalytics } from '../../../protocol/analytics.js';
import type { Actor } from '../core/actor.js';
import type { Logger } from '../core/logger.js';
import type { Clock } from '../core/ports.js';
import { accessSession, requireActor, requireHost } from '../sessions/access.js';
import type { SessionRecord, Storage } from '../storage/types.js';
import type { Sampler } from './sampler.js';
import { toBucketView, totalsOf } from './totals.js';

/** Lives on air sampled per tick at most (newest first): far above what one relay carries. */
const LIVE_SCAN_LIMIT = 5_000;
/** Lives the dashboard lists when the caller does not say. */
const DEFAULT_LIVES = 50;

export interface AnalyticsDeps {
  storage: Storage;
  clock: Clock;
  sampler: Sampler;
  logger: Logger;
}

export type AnalyticsService = ReturnType<typeof createAnalyticsService>;

/** Live analytics: sampling lives into buckets (any node, see sampler.ts) and reading them for their host. */
export function createAnalyticsService(deps: AnalyticsDeps) {
  const { storage, clock, sampler, logger } = deps;
  let ticking: Promise<void> = Promise.resolve();

  function durationOf(s: SessionRecord): number {
    if (!s.startedAt) return 0;
    return Math.max(0, (s.endedAt ?? clock()).getTime() - s.startedAt.getTime());
  }

  async function sampleAll(): Promise<void> {
    const lives = await storage.sessions.listByState(['live'], { limit: LIVE_SCAN_LIMIT });
    for (const live of lives) {
      try {
        await sampler.sampleLive(live);
      } catch (err) {
        logger.warn({ err, sessionId: live.id }, 'analytics sample failed');
      }
    }
  }

  /** The host's own live: 401 signed out, 404 unknown (or private and not theirs to see), 403 someone else's. */
  async function hostedSession(sessionId: string, actor: Actor | null): Promise<SessionRecord> {
    requireActor(actor);
    const access = await accessSession(storage, sessionId, actor);
    requireHost(access);
    return access.session;
  }

  return {
    /**
     * Samples every live whose bucket has closed. Ticks run one after another on a node (the module's
     * timer and a test's call never overlap); several nodes may tick at once (see sampler.ts).
     */
    tick(): Promise<void> {
      ticking = ticking.then(sampleAll, sampleAll);
      return ticking;
    },

    /** Resolves when no tick runs on this node. */
    idle: (): Promise<void> => ticking.catch(() => undefined),

    /** The live ended: its last bucket, up to its end, while its viewers are still in the room. */
    async liveEnded(session: SessionRecord): Promise<void> {
      await sampler.sampleEnded(session);
    },

    async live(sessionId: string, actor: Actor | null, after?: number): Promise<LiveAnalytics> {
      let session = await hostedSession(sessionId, actor);
      // A live ended by a node that stopped before writing its last bucket: written on first read.
      if (session.state === 'ended') await sampler.sampleEnded(session);
      session = (await storage.sessions.findById(sessionId)) ?? session;
      const [buckets, [bucketSums], [viewerSums]] = await Promise.all([
        storage.analytics.buckets(sessionId, after),
        storage.analytics.bucketSums([sessionId]),
        storage.analytics.viewerSums([sessionId]),
      ]);
      return {
        sessionId,
        title: session.title,
        state: session.state,
        startedAt: session.startedAt?.toISOString() ?? null,
        endedAt: session.endedAt?.toISOString() ?? null,
        durationMs: durationOf(session),
        bucketMs: ANALYTICS_BUCKET_MS,
        totals: totalsOf(bucketSums, viewerSums, session.peakViewerCount),
        buckets: buckets.map(toBucketView),
      };
    },

    /** The caller's lives that went on air, newest first, with their totals. */
    async lives(actor: Actor | null, limit = DEFAULT_LIVES): Promise<AnalyticsLiveRow[]> {
      const user = requireActor(actor);
      const sessions = await storage.sessions.listByHost(user.userId, ['live', 'ending', 'ended'], limit);
      const ids = sessions.map((s) => s.id);
      const [bucketSums, viewerSums] = await Promise.all([storage.analytics.bucketSums(ids), storage.analytics.viewerSums(ids)]);
      const bucketsOf = new Map(bucketSums.map((s) => [s.sessionId, s]));
      const viewersOf = new Map(viewerSums.map((s) => [s.sessionId, s]));
      return sessions.map((s) => ({
        sessionId: s.id,
        title: s.title,
        state: s.state,
        startedAt: s.startedAt?.toISOString() ?? null,
        endedAt: s.endedAt?.toISOString() ?? null,
        durationMs: durationOf(s),
        totals: totalsOf(bucketsOf.get(s.id), viewersOf.get(s.id), s.peakViewerCount),
      }));
    },
  };
}
