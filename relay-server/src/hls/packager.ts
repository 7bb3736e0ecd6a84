import type { Readable } from 'node:stream';
import type { HlsHealth } from '../../../protocol/hls.js';
import type { Logger } from '../core/logger.js';
import { spawnFromTap, type FfmpegFromTap } from '../media/tap/ffmpeg.js';
import { RtpTap, type TapSource } from '../media/tap/rtp-tap.js';
import { Fmp4BoxStream } from './fmp4/box-stream.js';
import { audioCodecOf, fragmentInfo, videoTrackOf, type VideoTrack } from './fmp4/fragment-info.js';
import { AUDIO_BITRATE, ladderArgs, ladderFor, type Rung } from './ladder.js';
import type { LadderEntry } from './playlists.js';
import { RenditionWindow, type LiveSegment } from './rendition-window.js';

export interface PackagerOptions {
  ffmpegPath: string;
  segmentSeconds: number;
  partSeconds: number;
  keepSegments: number;
  preset: string;
  /** nice value of the ladder's ffmpeg (HLS_ENCODER_NICENESS: below the relay and WebRTC by default). */
  niceness: number;
  logger: Logger;
  /** Each complete segment of each rendition, with its init section (recording). */
  onSegment?: (rendition: string, segment: LiveSegment, init: Buffer) => void;
}

export type PackagerState = 'starting' | 'running' | 'restarting' | 'stopped';

/** Waits before restarting a packager that died: 1 s, doubling up to 10 s. */
const MAX_BACKOFF_MS = 10_000;

/**
 * LL-HLS for one live: reads the program through a media tap, runs one ffmpeg that encodes the ladder,
 * and keeps each rendition's live window. When ffmpeg dies it is restarted (new init section, a
 * discontinuity in the playlists); the live goes on over WebRTC meanwhile.
 */
export class LivePackager {
  state: PackagerState = 'starting';
  renditions: RenditionWindow[] = [];
  ladder: LadderEntry[] = [];
  restarts = 0;
  /** ffmpeg processes started so far (the init generation the current one writes). */
  private runs = 0;
  lastError: string | null = null;
  private rungs: Rung[] | null = null;
  private tap: RtpTap | null = null;
  private ffmpeg: FfmpegFromTap | null = null;
  private stopped = false;
  private readonly ended = new Set<() => void>();

  constructor(
    readonly sessionId: string,
    private readonly source: () => TapSource | null,
    private readonly options: PackagerOptions,
  ) {}

  /** Runs until stop(): ffmpeg is restarted with a backoff whenever it exits. */
  async run(): Promise<void> {
    let backoff = 1_000;
    while (!this.stopped) {
      const startedAt = Date.now();
      const outcome = await this.runOnce().catch((err: unknown) => (err instanceof Error ? err.message : String(err)));
      if (this.stopped) break;
      if (outcome === 'ended') break;
      // The same reason again (an audio-only live has no key frame to wait for, every ~15 s) is logged
      // once at warn level, then at debug: the log shows the change, not a line every retry.
      const repeated = outcome === this.lastError;
      this.lastError = outcome;
      this.state = 'restarting';
      this.restarts += 1;
      this.options.logger[repeated ? 'debug' : 'warn']({ sessionId: this.sessionId, reason: outcome, restarts: this.restarts }, 'LL-HLS packager stopped; restarting');
      if (Date.now() - startedAt > 30_000) backoff = 1_000;
      await new Promise((resolve) => setTimeout(resolve, backoff));
      backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
    }
    this.finish();
  }

  /** The rendition called `name`. */
  rendition(name: string): RenditionWindow | undefined {
    return this.renditions.find((r) => r.name === name);
  }

  /**
   * Whether viewers may count on this live's LL-HLS: not after ffmpeg died until the new ffmpeg's first
   * parts are out (`restarting`). Before the first start it is simply starting, not a fault.
   */
  get health(): HlsHealth {
    if (this.restarts === 0 || this.state === 'stopped') return 'ok';
    // Each ffmpeg run writes one init section per rendition: media of this run's generation means it works.
    return this.state === 'running' && this.renditions.every((r) => r.currentGeneration === this.runs && r.producing) ? 'ok' : 'restarting';
  }

  /** Whether the master playlist can be served: every rendition has an init section and a part. */
  get ready(): boolean {
    return this.renditions.length > 0 && this.ladder.length === this.renditions.length && this.renditions.every((r) => r.lastPart !== null);
  }

  onEnd(listener: () => void): void {
    this.ended.add(listener);
  }

  /** Kills ffmpeg (the fault tests and an operator use it); the run loop restarts it. */
  killEncoder(): boolean {
    return this.ffmpeg?.child.kill('SIGKILL') ?? false;
  }

  get encoderPid(): number | undefined {
    return this.ffmpeg?.child.pid;
  }

  stop(): void {
    this.stopped = true;
    this.tap?.close();
    this.ffmpeg?.child.kill('SIGKILL');
  }

  private finish(): void {
    this.state = 'stopped';
    for (const rendition of this.renditions) rendition.end();
    for (const listener of this.ended) listener();
  }

  /** One ffmpeg run: 'ended' when the program is over, else why it stopped. */
  private async runOnce(): Promise<string> {
    const source = this.source();
    if (!source) return 'ended';
    const tap = await RtpTap.open(source, { keyframeIntervalMs: this.options.segmentSeconds * 1000 });
    this.tap = tap;
    let programEnded = false;
    tap.onEnd(() => (programEnded = true));
    try {
      // stop() may come while the tap opens or waits for a key frame: ffmpeg must not start after it, or
      // it outlives the relay's shutdown (an orphan x264 was seen after a test relay closed).
      if (this.stopped) return 'ended';
      const sdp = await tap.describe();
      if (programEnded || this.stopped) return 'ended';
      if (!sdp || !tap.videoSize) return 'no video key frame from the publisher';
      this.rungs ??= ladderFor(tap.videoSize);
      const rungs = this.rungs;
      if (this.renditions.length === 0) {
        const onSegment = this.options.onSegment;
        this.renditions = rungs.map((rung) => new RenditionWindow(rung.name, {
          segmentSeconds: this.options.segmentSeconds,
          keepSegments: this.options.keepSegments,
          onComplete: onSegment && ((segment, init) => onSegment(rung.name, segment, init)),
        }));
      }
      const args = ladderArgs(rungs, { segmentSeconds: this.options.segmentSeconds, partSeconds: this.options.partSeconds, hasAudio: tap.kinds.includes('audio'), preset: this.options.preset });
      const ffmpeg = spawnFromTap(this.options.ffmpegPath, sdp, args, rungs.map(() => 'pipe'), this.options.niceness);
      this.runs += 1;
      this.ffmpeg = ffmpeg;
      rungs.forEach((rung, i) => this.readRendition(ffmpeg, i, rung));
      await tap.start();
      this.state = 'running';
      const exit = await ffmpeg.exited;
      if (programEnded) return 'ended';
      return `ffmpeg exited (${exit.signal ?? `code ${exit.code}`}): ${ffmpeg.stderrTail().split('\n').slice(-3).join(' | ')}`;
    } finally {
      tap.close();
      this.ffmpeg?.child.kill('SIGKILL');
      this.ffmpeg = null;
    }
  }

  private readRendition(ffmpeg: FfmpegFromTap, index: number, rung: Rung): void {
    const window = this.renditions[index];
    const pipe = ffmpeg.child.stdio[3 + index] as Readable | null | undefined;
    if (!window || !pipe) return;
    let video: VideoTrack | null = null;
    const boxes = new Fmp4BoxStream(
      (bytes) => {
        video = videoTrackOf(bytes);
        if (!video) return;
        window.setInit(bytes);
        const codecs = [video.codec, audioCodecOf(bytes)].filter(Boolean).join(',');
        this.ladder[index] = { name: rung.name, width: rung.width, height: rung.height, bandwidth: Math.round((rung.videoBitrate + AUDIO_BITRATE) * 1.1), codecs };
      },
      (fragment) => {
        if (!video) return;
        const info = fragmentInfo(fragment, video);
        if (info) window.addFragment(fragment, info, Date.now());
      },
    );
    pipe.on('data', (chunk: Buffer) => {
      try {
        boxes.push(chunk);
      } catch (err) {
        this.options.logger.warn({ err, sessionId: this.sessionId }, 'unreadable fMP4 from ffmpeg');
        ffmpeg.child.kill('SIGKILL');
      }
    });
  }
}
