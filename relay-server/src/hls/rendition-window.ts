import type { FragmentInfo } from './fmp4/fragment-info.js';

/** One LL-HLS part: one fMP4 fragment (moof + mdat). */
export interface LivePart {
  index: number;
  duration: number;
  independent: boolean;
  bytes: Buffer;
}

export interface LiveSegment {
  msn: number;
  /** Which init section (ffmpeg run) its fragments belong to. */
  generation: number;
  /** First segment after the packager restarted: EXT-X-DISCONTINUITY. */
  discontinuity: boolean;
  programDateTime: Date;
  parts: LivePart[];
  complete: boolean;
  duration: number;
}

export interface WindowOptions {
  /** Segment duration the key frames are forced on (seconds). */
  segmentSeconds: number;
  /** Complete segments kept (in the playlist and in memory). */
  keepSegments: number;
  /** Each segment once complete, with its init section (the recorder keeps them). */
  onComplete?: (segment: LiveSegment, init: Buffer) => void;
}

/** Resolves `check` becoming true, the window ending, or the timeout, whichever first. */
interface Waiter {
  check: () => boolean;
  resolve: (outcome: 'ready' | 'timeout' | 'ended') => void;
  timer: NodeJS.Timeout;
}

/**
 * One rendition of a live: its init sections and the last few segments, each made of the parts ffmpeg
 * wrote. A segment starts at a key frame and is complete once it reaches the segment duration (key frames
 * are forced on that cadence) or the next key frame arrives. Blocking requests wait here for a part or a
 * segment (`waitFor`), bounded by a timeout.
 */
export class RenditionWindow {
  private readonly segments: LiveSegment[] = [];
  private readonly inits = new Map<number, Buffer>();
  private generation = 0;
  private nextMsn = 0;
  private anchor: { wallMs: number; media: number } | undefined;
  private lastEndMs = 0;
  private readonly waiters = new Set<Waiter>();
  private pendingDiscontinuity = false;
  ended = false;
  /** Discontinuities that slid out of the window (EXT-X-DISCONTINUITY-SEQUENCE). */
  discontinuitySequence = 0;

  constructor(
    readonly name: string,
    private readonly options: WindowOptions,
  ) {}

  /** A new init section (ffmpeg started or restarted): later segments reference it. */
  setInit(init: Buffer): void {
    this.completeCurrent();
    this.generation += 1;
    this.inits.set(this.generation, init);
    for (const gen of this.inits.keys()) if (gen < this.generation - 1) this.inits.delete(gen);
    this.anchor = undefined;
    this.pendingDiscontinuity = this.segments.length > 0;
    this.notify();
  }

  get currentGeneration(): number {
    return this.generation;
  }

  /** Whether media from the current init section (the running ffmpeg) has arrived: false right after a restart. */
  get producing(): boolean {
    return this.generation > 0 && this.segments.at(-1)?.generation === this.generation;
  }

  init(generation: number): Buffer | undefined {
    return this.inits.get(generation);
  }

  addFragment(bytes: Buffer, info: FragmentInfo, arrivalMs: number): void {
    if (this.ended || this.generation === 0) return;
    let current = this.current;
    if (info.independent && current && current.parts.length > 0) {
      this.complete(current);
      current = undefined;
    }
    if (!current) {
      // A segment must start with a key frame: drop fragments until one comes (only after a restart).
      if (!info.independent) return;
      current = this.openSegment(info, arrivalMs);
    }
    current.parts.push({ index: current.parts.length, duration: info.duration, independent: info.independent, bytes });
    current.duration += info.duration;
    if (current.duration >= this.options.segmentSeconds - 0.01) this.complete(current);
    this.notify();
  }

  /** The live is over: the last segment is closed and every waiter answered. */
  end(): void {
    this.completeCurrent();
    this.ended = true;
    this.notify();
  }

  /** Segments in the window, oldest first (the last one may be in progress). */
  get all(): readonly LiveSegment[] {
    return this.segments;
  }

  get current(): LiveSegment | undefined {
    const last = this.segments.at(-1);
    return last && !last.complete ? last : undefined;
  }

  segment(msn: number): LiveSegment | undefined {
    return this.segments.find((s) => s.msn === msn);
  }

  /** The last part that exists: `{msn, part}`, or null before the first one. */
  get lastPart(): { msn: number; part: number } | null {
    for (let i = this.segments.length - 1; i >= 0; i--) {
      const segment = this.segments[i];
      if (segment && segment.parts.length > 0) return { msn: segment.msn, part: segment.parts.length - 1 };
    }
    return null;
  }

  /** The part a client may ask for next (the preload hint). */
  get nextPart(): { msn: number; part: number } {
    const current = this.current;
    if (current) return { msn: current.msn, part: current.parts.length };
    return { msn: this.nextMsn, part: 0 };
  }

  /** Whether part `part` of segment `msn` exists, or can no longer (the segment closed without it, or fell out of the window). */
  partSettled(msn: number, part: number): boolean {
    const segment = this.segment(msn);
    if (segment) return segment.parts.length > part || segment.complete;
    return msn < this.nextMsn;
  }

  /** Whether segment `msn` is complete, or can no longer be. */
  segmentSettled(msn: number): boolean {
    const segment = this.segment(msn);
    return segment ? segment.complete : msn < this.nextMsn;
  }

  /** Waits until `check` holds, the live ends, or `timeoutMs` passes. */
  waitFor(check: () => boolean, timeoutMs: number): Promise<'ready' | 'timeout' | 'ended'> {
    if (check()) return Promise.resolve('ready');
    if (this.ended) return Promise.resolve('ended');
    return new Promise((resolve) => {
      const waiter: Waiter = {
        check,
        resolve: (outcome) => {
          clearTimeout(waiter.timer);
          this.waiters.delete(waiter);
          resolve(outcome);
        },
        timer: setTimeout(() => waiter.resolve('timeout'), timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  get waiting(): number {
    return this.waiters.size;
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) {
      if (waiter.check()) waiter.resolve('ready');
      else if (this.ended) waiter.resolve('ended');
    }
  }

  private openSegment(info: FragmentInfo, arrivalMs: number): LiveSegment {
    // The wall clock of the media: the first fragment of a run arrived once it was fully encoded.
    this.anchor ??= { wallMs: arrivalMs - info.duration * 1000, media: info.start };
    const wallMs = Math.max(this.lastEndMs, this.anchor.wallMs + (info.start - this.anchor.media) * 1000);
    const segment: LiveSegment = {
      msn: this.nextMsn++,
      generation: this.generation,
      discontinuity: this.pendingDiscontinuity,
      programDateTime: new Date(Math.round(wallMs)),
      parts: [],
      complete: false,
      duration: 0,
    };
    this.pendingDiscontinuity = false;
    this.segments.push(segment);
    while (this.segments.length > this.options.keepSegments + 1) {
      if (this.segments.shift()?.discontinuity) this.discontinuitySequence += 1;
    }
    return segment;
  }

  private completeCurrent(): void {
    const current = this.current;
    if (!current) return;
    if (current.parts.length === 0) this.segments.pop();
    else this.complete(current);
  }

  private complete(segment: LiveSegment): void {
    segment.complete = true;
    this.lastEndMs = segment.programDateTime.getTime() + segment.duration * 1000;
    const init = this.inits.get(segment.generation);
    if (init) this.options.onComplete?.(segment, init);
  }
}
