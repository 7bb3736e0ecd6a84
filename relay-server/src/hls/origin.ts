import type { HlsBlockingQuery } from '../../../protocol/hls.js';
import { BlockingBudget } from './blocking-budget.js';
import type { LivePackager } from './packager.js';
import { masterPlaylist, mediaPlaylist, type PlaylistTiming } from './playlists.js';
import type { RenditionWindow } from './rendition-window.js';

/** What the HTTP adapter sends; `cache` picks the Cache-Control a CDN follows. */
export interface HlsReply {
  status: number;
  body: string | Buffer;
  contentType: string;
  cache: 'immutable' | 'playlist' | 'blocking' | 'master' | 'none' | 'elsewhere';
  retryAfterSeconds?: number;
}

const M3U8 = 'application/vnd.apple.mpegurl';
const MP4 = 'video/mp4';
const TEXT = 'text/plain; charset=utf-8';

const notFound = (what = 'Not found'): HlsReply => ({ status: 404, body: what, contentType: TEXT, cache: 'none' });
/** No LL-HLS for this session on this node (unknown, private, ended, or packaged by another relay). */
const notHere = (): HlsReply => ({ status: 404, body: 'No LL-HLS for this session', contentType: TEXT, cache: 'elsewhere' });
const badRequest = (why: string): HlsReply => ({ status: 400, body: why, contentType: TEXT, cache: 'none' });

/** RFC 8216bis 6.2.5.2: a request more than two segments (or three parts) ahead is refused at once. */
const ADVANCE_SEGMENTS = 2;
const ADVANCE_PARTS = 3;

const FILE = /^(?:(index)\.m3u8|init-(\d{1,6})\.mp4|seg-(\d{1,9})\.m4s|part-(\d{1,9})\.(\d{1,3})\.m4s)$/;

/** One request that reached the origin (tests and the benchmark count what a CDN let through). */
export interface OriginRequest {
  sessionId: string;
  /** null for the master playlist. */
  rendition: string | null;
  file: string;
  query: HlsBlockingQuery;
}

export interface OriginOptions extends PlaylistTiming {
  maxBlockingPerAddress: number;
  maxBlockingTotal: number;
}

/**
 * Answers the LL-HLS requests of live sessions from their packagers' windows: master and media
 * playlists (with blocking reload), init sections, parts and segments. Plain TypeScript: the routes
 * turn an HlsReply into headers. A session without a packager here (unknown, private, ended, or on
 * another node) is 404.
 */
export class HlsOrigin {
  private readonly budget: BlockingBudget;
  private readonly observers = new Set<(request: OriginRequest) => void>();

  constructor(
    private readonly packagerOf: (sessionId: string) => LivePackager | undefined,
    private readonly options: OriginOptions,
    /** Asked when a master playlist is requested for a live without a packager: starts one if the live may have LL-HLS. */
    private readonly want: (sessionId: string) => Promise<boolean> = () => Promise.resolve(false),
    /** Called on every request of a packaged live (the packager stops after a while without any). */
    private readonly touch: (sessionId: string) => void = () => undefined,
  ) {
    this.budget = new BlockingBudget(options.maxBlockingPerAddress, options.maxBlockingTotal);
  }

  /** Calls `listener` with every request the origin answers; returns the unsubscribe function. */
  observe(listener: (request: OriginRequest) => void): () => void {
    this.observers.add(listener);
    return () => this.observers.delete(listener);
  }

  get blockingRequests(): number {
    return this.budget.inUse;
  }

  async master(sessionId: string): Promise<HlsReply> {
    for (const observer of this.observers) observer({ sessionId, rendition: null, file: 'master.m3u8', query: {} });
    const packager = this.packagerOf(sessionId);
    if (!packager && !(await this.want(sessionId))) return notHere();
    this.touch(sessionId);
    if (!packager?.ready) return { status: 503, body: 'The live is starting, try again shortly', contentType: TEXT, cache: 'none', retryAfterSeconds: 1 };
    return { status: 200, body: masterPlaylist(packager.ladder), contentType: M3U8, cache: 'master' };
  }

  async file(sessionId: string, renditionName: string, file: string, query: HlsBlockingQuery, address: string): Promise<HlsReply> {
    for (const observer of this.observers) observer({ sessionId, rendition: renditionName, file, query });
    const packager = this.packagerOf(sessionId);
    const window = packager?.rendition(renditionName);
    const match = FILE.exec(file);
    if (!packager) return notHere();
    if (!window || !match) return notFound();
    this.touch(sessionId);
    const [, playlist, init, segment, partMsn, partIndex] = match;
    if (playlist) return this.playlist(packager, window, query, address);
    if (init) {
      const bytes = window.init(Number(init));
      return bytes ? { status: 200, body: bytes, contentType: MP4, cache: 'immutable' } : notFound();
    }
    if (segment) return this.segment(window, Number(segment), address);
    return this.part(window, Number(partMsn), Number(partIndex), address);
  }

  private async playlist(packager: LivePackager, window: RenditionWindow, query: HlsBlockingQuery, address: string): Promise<HlsReply> {
    const render = (): HlsReply => ({
      status: 200,
      body: mediaPlaylist(window, packager.renditions.filter((r) => r !== window), this.options),
      contentType: M3U8,
      cache: query._HLS_msn === undefined ? 'playlist' : 'blocking',
    });
    const msn = query._HLS_msn;
    if (msn === undefined) return window.lastPart ? render() : { status: 503, body: 'No media yet', contentType: TEXT, cache: 'none', retryAfterSeconds: 1 };
    const next = window.nextPart;
    if (msn > next.msn + ADVANCE_SEGMENTS) return badRequest(`_HLS_msn ${msn} is too far ahead of the live (next segment ${next.msn})`);
    const part = query._HLS_part;
    if (part !== undefined && msn >= next.msn && part > (msn === next.msn ? next.part : 0) + ADVANCE_PARTS) {
      return badRequest(`_HLS_part ${part} is too far ahead of the live`);
    }
    const settled = part === undefined ? () => window.segmentSettled(msn) : () => window.partSettled(msn, part);
    const outcome = await this.hold(window, settled, address);
    if (outcome === 'busy') return { status: 429, body: 'Too many waiting requests from this address', contentType: TEXT, cache: 'none', retryAfterSeconds: 1 };
    if (outcome === 'timeout') return { status: 503, body: 'The live has not reached that part yet', contentType: TEXT, cache: 'none', retryAfterSeconds: 1 };
    return render();
  }

  private async segment(window: RenditionWindow, msn: number, address: string): Promise<HlsReply> {
    if (msn > window.nextPart.msn) return notFound();
    const outcome = await this.hold(window, () => window.segmentSettled(msn), address);
    if (outcome === 'busy') return { status: 429, body: 'Too many waiting requests from this address', contentType: TEXT, cache: 'none', retryAfterSeconds: 1 };
    const segment = window.segment(msn);
    if (!segment?.complete) return notFound();
    return { status: 200, body: Buffer.concat(segment.parts.map((p) => p.bytes)), contentType: MP4, cache: 'immutable' };
  }

  /** A part that exists, or the next few (a preload hint) once they do. */
  private async part(window: RenditionWindow, msn: number, index: number, address: string): Promise<HlsReply> {
    const next = window.nextPart;
    const ahead = msn > next.msn || (msn === next.msn && index > next.part + ADVANCE_PARTS);
    if (ahead && !(msn === next.msn + 1 && index === 0)) return notFound();
    const outcome = await this.hold(window, () => window.partSettled(msn, index), address);
    if (outcome === 'busy') return { status: 429, body: 'Too many waiting requests from this address', contentType: TEXT, cache: 'none', retryAfterSeconds: 1 };
    const part = window.segment(msn)?.parts[index];
    return part ? { status: 200, body: part.bytes, contentType: MP4, cache: 'immutable' } : notFound();
  }

  /** Holds a request until `settled`, bounded in time (3 target durations) and in number per address. */
  private async hold(window: RenditionWindow, settled: () => boolean, address: string): Promise<'ready' | 'timeout' | 'ended' | 'busy'> {
    if (settled()) return 'ready';
    const release = this.budget.acquire(address);
    if (!release) return 'busy';
    try {
      return await window.waitFor(settled, this.options.segmentSeconds * 3 * 1000);
    } finally {
      release();
    }
  }
}

