import type { PushFailure, PushState } from '../../../protocol/destinations.js';
import { forwardedCodecOf } from '../media/codecs.js';
import { spawnFromTap, type FfmpegFromTap } from '../media/tap/ffmpeg.js';
import { RtpTap, type TapSource } from '../media/tap/rtp-tap.js';
import { pushArgs, pushFailureReason, pushTarget, type PushOutcome } from './push-args.js';

export interface PushOptions {
  ffmpegPath: string;
  /** The destination's server address and its stream key (decrypted, kept only in this object). */
  url: string;
  key: string;
  /** Called after every state change (the host's studio is told). */
  onChange(): void;
  onLog?(reason: string): void;
  /** First wait before retrying, doubled after each failure up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
}

/** Platforms want a key frame every 2–4 s; a copied H.264 program gets one every 2 s (PLI to the publisher). */
const KEYFRAME_INTERVAL_MS = 2_000;
/** A push that stayed up this long starts its next backoff from the beginning. */
const STABLE_MS = 30_000;

/**
 * The program pushed to one destination: a media tap, one ffmpeg sending FLV to rtmp(s)://…, and its
 * state as the host sees it. ffmpeg's exit is a failure: the push waits (backoff) and tries again until
 * stop() or the end of the program.
 */
export class DestinationPush {
  state: PushState = 'connecting';
  reason: string | null = null;
  reasonCode: PushFailure | null = null;
  retryAt: Date | null = null;
  attempts = 0;
  private stopped = false;
  private tap: RtpTap | null = null;
  private ffmpeg: FfmpegFromTap | null = null;
  private wake: (() => void) | null = null;
  private readonly done: Promise<void>;

  constructor(
    private readonly source: () => TapSource | null,
    private readonly options: PushOptions,
  ) {
    this.done = this.run();
  }

  /** Resolves once the push stopped for good (stop() or the program ended). */
  get finished(): Promise<void> {
    return this.done;
  }

  get encoderPid(): number | undefined {
    return this.ffmpeg?.child.pid;
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.tap?.close();
    this.ffmpeg?.child.kill('SIGKILL');
    this.wake?.();
    this.set('off', null, null);
  }

  private set(state: PushState, failure: Pick<PushOutcome, 'code' | 'reason'> | null, retryAt: Date | null): void {
    const reason = failure?.reason ?? null;
    if (this.state === state && this.reason === reason && this.retryAt?.getTime() === retryAt?.getTime()) return;
    this.state = state;
    this.reason = reason;
    this.reasonCode = failure?.code ?? null;
    this.retryAt = retryAt;
    this.options.onChange();
  }

  private async run(): Promise<void> {
    let backoff = this.options.backoffMs ?? 2_000;
    const maxBackoff = this.options.maxBackoffMs ?? 30_000;
    while (!this.stopped) {
      this.attempts += 1;
      this.set('connecting', this.reason === null ? null : { code: this.reasonCode ?? 'other', reason: this.reason }, null);
      const startedAt = Date.now();
      const outcome = await this.runOnce().catch((err: unknown): PushOutcome => ({ code: 'other', reason: err instanceof Error ? err.message : String(err), final: false }));
      if (this.stopped) return;
      if (outcome === 'ended') {
        this.set('off', null, null);
        return;
      }
      this.options.onLog?.(outcome.reason);
      if (outcome.final) {
        this.set('failed', outcome, null);
        return;
      }
      if (Date.now() - startedAt > STABLE_MS) backoff = this.options.backoffMs ?? 2_000;
      this.set('retrying', outcome, new Date(Date.now() + backoff));
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, backoff);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
      backoff = Math.min(maxBackoff, backoff * 2);
    }
  }

  /** One ffmpeg run: 'ended' when the program is over, else why it stopped. */
  private async runOnce(): Promise<'ended' | PushOutcome> {
    const source = this.source();
    if (!source) return 'ended';
    const tap = await RtpTap.open(source, { keyframeIntervalMs: KEYFRAME_INTERVAL_MS });
    this.tap = tap;
    let programEnded = false;
    tap.onEnd(() => (programEnded = true));
    try {
      // A stop while the tap opens or waits for a key frame: no ffmpeg may start after it (see hls/packager.ts).
      if (this.stopped) return 'ended';
      const sdp = await tap.describe();
      if (programEnded || this.stopped) return 'ended';
      const codec = tap.codecOf('video');
      const video = codec ? forwardedCodecOf(codec) : null;
      if (!sdp || (video !== 'h264' && video !== 'vp8')) return { code: 'no_picture', reason: 'No picture from the studio yet', final: false };
      const args = pushArgs({ video, hasAudio: tap.kinds.includes('audio') }, pushTarget(this.options.url, this.options.key));
      const ffmpeg = spawnFromTap(this.options.ffmpegPath, sdp, args);
      this.ffmpeg = ffmpeg;
      let wasLive = false;
      ffmpeg.child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
        // `-progress`: the header is written once the platform accepted the publish; out_time grows once media flows to it.
        const sent = /out_time_us=(\d+)/.exec(chunk);
        if (!wasLive && sent && Number(sent[1]) > 0) {
          wasLive = true;
          this.set('live', null, null);
        }
      });
      await tap.start();
      const exit = await ffmpeg.exited;
      if (programEnded || this.stopped) return 'ended';
      const tail = ffmpeg.stderrTail() || `ffmpeg exited (${exit.signal ?? `code ${exit.code}`})`;
      return pushFailureReason(tail, this.options.key, wasLive);
    } finally {
      tap.close();
      this.ffmpeg?.child.kill('SIGKILL');
      this.ffmpeg = null;
    }
  }
}
