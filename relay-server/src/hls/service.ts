import type { HlsHealth, HlsHint } from '../../../protocol/hls.js';
import { hlsMasterUrl } from '../../../protocol/hls.js';
import type { Logger } from '../core/logger.js';
import type { MediaService } from '../media/service.js';
import type { Repositories } from '../storage/types.js';
import type { HlsConfig } from './config.js';
import { HlsOrigin } from './origin.js';
import { LivePackager, type PackagerOptions } from './packager.js';
import type { LiveSegment } from './rendition-window.js';

/** A complete segment of one rendition of a live, with its init section. */

/** What the recorder reports of its disk (`reportDisk`): the part of a live's health that MEDIA_DIR decides. */
export type DiskHealth = Exclude<HlsHealth, 'restarting'>;
export type SegmentListener = (sessionId: string, rendition: string, segment: LiveSegment, init: Buffer) => void;

export const SEGMENT_SECONDS = 2;
export const PART_SECONDS = 0.5;
/** Complete segments kept per rendition in memory and in the live playlist (12 s). */
const KEEP_SEGMENTS = 6;
/** A packager nobody fetched from for this long stops (x264 costs CPU; the next viewer starts it again). */
const IDLE_STOP_MS = 60_000;

export interface HlsServiceDeps {
  repos: Repositories;
  config: HlsConfig;
  media: () => MediaService;
  logger: Logger;
  /** Extra packager options (the recorder's onSegment). */
  packagerOptions?: Partial<PackagerOptions>;
  /** A live's LL-HLS stopped or came back (the studio warns the host; HLS viewers move to WebRTC). */
  onHealth?: (sessionId: string, health: HlsHealth) => void;
}

/** What the studio and the viewer page see of a live's LL-HLS. */
export interface HlsStatus {
  state: 'off' | 'starting' | 'running' | 'restarting' | 'stopped';
  renditions: string[];
  restarts: number;
  lastError: string | null;
}

/**
 * LL-HLS for every public live whose publisher is on this node: starts a packager when the publisher
 * comes, stops it when the live ends, and answers the /hls requests (HlsOrigin). Off when ffmpeg is
 * missing (`available` stays false and the relay says so at start).
 */
export function createHlsService(deps: HlsServiceDeps) {
  const packagers = new Map<string, LivePackager>();
  const lastRequest = new Map<string, number>();
  /** Lives a recorder keeps packaged whatever the viewers do; `serve: false` (private) are never served on /hls. */
  const retained = new Map<string, { serve: boolean }>();
  const segmentListeners = new Set<SegmentListener>();
  /** The health last announced per live (only lives that were not ok have an entry). */
  const announced = new Map<string, HlsHealth>();

  /** Lives whose recording cannot be written (the recorder's report): `diskFull` or `diskError`. */
  const diskTrouble = new Map<string, HlsHealth>();

  /** Announces each live's health when it changes (checked every sync, once a second). */
  function announceHealth(): void {
    for (const [sessionId, packager] of packagers) {
      // A dead packager matters more to viewers than a paused recording: it is said first.
      const health = packager.health === 'ok' ? (diskTrouble.get(sessionId) ?? 'ok') : packager.health;
      if (health === (announced.get(sessionId) ?? 'ok')) continue;
      if (health === 'ok') announced.delete(sessionId);
      else announced.set(sessionId, health);
      deps.logger.info({ sessionId, health }, health === 'ok' ? 'LL-HLS and its recording are back' : 'LL-HLS or its recording interrupted; the live goes on');
      deps.onHealth?.(sessionId, health);
    }
    for (const sessionId of announced.keys()) if (!packagers.has(sessionId)) announced.delete(sessionId);
    for (const sessionId of diskTrouble.keys()) if (!packagers.has(sessionId)) diskTrouble.delete(sessionId);
  }

  async function publicLive(sessionId: string): Promise<boolean> {
    const session = await deps.repos.sessions.findById(sessionId);
    return session?.isPublic === true && session.state === 'live';
  }

  /** Whether the live may have LL-HLS here: ffmpeg on, public, live, its publisher on this node. */
  async function eligible(sessionId: string): Promise<boolean> {
    if (ffmpegPath === null || !deps.media().publishingSessions().includes(sessionId)) return false;
    return publicLive(sessionId);
  }

  const origin = new HlsOrigin(
    (id) => (retained.get(id)?.serve === false ? undefined : packagers.get(id)),
    { segmentSeconds: SEGMENT_SECONDS, partSeconds: PART_SECONDS, maxBlockingPerAddress: deps.config.maxBlockingPerAddress, maxBlockingTotal: deps.config.maxBlockingTotal },
    async (sessionId) => {
      if (!(await eligible(sessionId))) return false;
      if (!packagers.has(sessionId)) startPackager(sessionId);
      return true;
    },
    (sessionId) => lastRequest.set(sessionId, Date.now()),
  );
  /** The ffmpeg to run (from the ffmpeg module once the relay started); null: LL-HLS is off. */
  let ffmpegPath: string | null = null;

  function startPackager(sessionId: string): void {
    const packager = new LivePackager(sessionId, () => deps.media().tapSource(sessionId), {
      ffmpegPath: ffmpegPath ?? 'ffmpeg',
      segmentSeconds: SEGMENT_SECONDS,
      partSeconds: PART_SECONDS,
      keepSegments: KEEP_SEGMENTS,
      preset: 'superfast',
      niceness: deps.config.encoderNiceness,
      logger: deps.logger,
      ...deps.packagerOptions,
      onSegment: (rendition, segment, init) => {
        deps.packagerOptions?.onSegment?.(rendition, segment, init);
        for (const listener of segmentListeners) listener(sessionId, rendition, segment, init);
      },
    });
    packagers.set(sessionId, packager);
    packager.onEnd(() => {
      if (packagers.get(sessionId) === packager) packagers.delete(sessionId);
    });
    void packager.run().catch((err: unknown) => deps.logger.error({ err, sessionId }, 'LL-HLS packager failed'));
  }

  return {
    origin,

    get available(): boolean {
      return ffmpegPath !== null;
    },

    /** Turns LL-HLS on with this ffmpeg (or off with null). */
    useFfmpeg(path: string | null): void {
      ffmpegPath = path;
    },

    /**
     * Stops packagers whose live ended or that nobody fetched from for IDLE_STOP_MS. Packagers start on
     * demand: the first request of a live's master playlist (a viewer past WebRTC's room, or a CDN).
     */
    async sync(): Promise<void> {
      if (ffmpegPath === null) return;
      announceHealth();
      const publishing = new Set(deps.media().publishingSessions());
      for (const [sessionId, packager] of packagers) {
        const idle = !retained.has(sessionId) && Date.now() - (lastRequest.get(sessionId) ?? 0) > IDLE_STOP_MS;
        const session = publishing.has(sessionId) && !idle ? { state: 'live' } : await deps.repos.sessions.findById(sessionId);
        if (idle || !session || session.state !== 'live') {
          packager.stop();
          packagers.delete(sessionId);
          lastRequest.delete(sessionId);
        }
      }
    },

    /**
     * Keeps a live packaged while it is recorded (replays/), starting the packager when its publisher is
     * on this node; `serve: false` (a private live) keeps its media off /hls. False when it cannot run here.
     */
    retain(sessionId: string, options: { serve: boolean }): boolean {
      if (ffmpegPath === null || !deps.media().publishingSessions().includes(sessionId)) return false;
      retained.set(sessionId, options);
      if (!packagers.has(sessionId)) startPackager(sessionId);
      return true;
    },

    /** The live is no longer recorded: its packager stops like any other once nobody fetches from it. */
    release(sessionId: string): void {
      if (retained.delete(sessionId)) lastRequest.set(sessionId, Date.now());
    },

    /**
     * The recorder could not write this live's segments (`diskFull`, `diskError`) or can again (`ok`):
     * announced with the packager's health at the next sync.
     */
    reportDisk(sessionId: string, health: DiskHealth): void {
      if (health === 'ok') diskTrouble.delete(sessionId);
      else diskTrouble.set(sessionId, health);
    },

    /**
     * The health last announced to the live's room (`ok` when none or the live is not packaged here), for a
     * socket joining after the change: announcements only go to those already in the room.
     */
    health(sessionId: string): HlsHealth {
      return announced.get(sessionId) ?? 'ok';
    },

    /** Every complete segment of every packaged live (the recorder keeps those of recorded lives). */
    onSegment(listener: SegmentListener): () => void {
      segmentListeners.add(listener);
      return () => segmentListeners.delete(listener);
    },

    /** Whether a viewer may be pointed at this live's LL-HLS (it starts on the first request). */
    eligible,

    /** Ends a live's LL-HLS at once (the session ended). */
    stopSession(sessionId: string): void {
      packagers.get(sessionId)?.stop();
      packagers.delete(sessionId);
      retained.delete(sessionId);
      diskTrouble.delete(sessionId);
    },

    packager(sessionId: string): LivePackager | undefined {
      return packagers.get(sessionId);
    },

    status(sessionId: string): HlsStatus {
      const packager = packagers.get(sessionId);
      if (ffmpegPath === null || !packager) return { state: 'off', renditions: [], restarts: 0, lastError: null };
      return { state: packager.state, renditions: packager.renditions.map((r) => r.name), restarts: packager.restarts, lastError: packager.lastError };
    },

    /** Where a viewer finds the live's LL-HLS (null when it has none), and whether WebRTC has room on this node. */
    async hint(sessionId: string, webrtcViewers: number): Promise<HlsHint> {
      const base = deps.config.publicUrl ?? '';
      // Behind a CDN the publisher may be on another node: the CDN finds it (deploy/nginx asks each relay in turn).
      const viaCdn = deps.config.publicUrl !== undefined && ffmpegPath !== null;
      const hasHls = viaCdn ? await publicLive(sessionId) : await eligible(sessionId);
      return {
        masterUrl: hasHls ? hlsMasterUrl(base, sessionId) : null,
        webrtcHasRoom: webrtcViewers < deps.config.webrtcViewersPerNode,
      };
    },

    stopAll(): void {
      for (const packager of packagers.values()) packager.stop();
      packagers.clear();
      retained.clear();
      diskTrouble.clear();
    },
  };
}

export type HlsService = ReturnType<typeof createHlsService>;
