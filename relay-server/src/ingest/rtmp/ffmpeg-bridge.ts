import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/** Payload types ffmpeg writes, which the RtpSourceLink maps back to codecs. */
export const BRIDGE_VIDEO_PT = 96;
export const BRIDGE_AUDIO_PT = 111;
/** Fits an RTP packet plus SRTP and the viewers' header extensions in a 1280-byte path MTU. */
const RTP_PACKET_SIZE = 1200;
/** FLV waiting in ffmpeg's stdin past this means ffmpeg cannot keep up: the bridge gives up. */
const MAX_PENDING_BYTES = 16 * 1024 * 1024;

export interface BridgeOptions {
  ffmpegPath: string;
  /** Loopback UDP port of the RtpSourceLink (RTP and RTCP both go there). */
  port: number;
  hasVideo: boolean;
  hasAudio: boolean;
  onExit(reason: string): void;
}

/** The ffmpeg arguments: FLV on stdin; H.264 copied (parameter sets in band), audio to Opus; RTP out. */
export function bridgeArgs(options: Pick<BridgeOptions, 'port' | 'hasVideo' | 'hasAudio'>): string[] {
  const target = `rtp://127.0.0.1:${options.port}?rtcpport=${options.port}&pkt_size=${RTP_PACKET_SIZE}`;
  const args = ['-hide_banner', '-loglevel', 'error', '-nostats', '-analyzeduration', '0', '-probesize', '32768', '-f', 'flv', '-i', 'pipe:0'];
  // SPS/PPS travel in the FLV sequence header only; viewers (and joiners) need them before every IDR.
  if (options.hasVideo) args.push('-map', '0:v:0', '-c:v', 'copy', '-bsf:v', 'h264_mp4toannexb', '-f', 'rtp', '-payload_type', String(BRIDGE_VIDEO_PT), target);
  if (options.hasAudio) {
    args.push('-map', '0:a:0', '-c:a', 'libopus', '-b:a', '128k', '-ar', '48000', '-ac', '2', '-application', 'audio', '-frame_duration', '20', '-f', 'rtp', '-payload_type', String(BRIDGE_AUDIO_PT), target);
  }
  return args;
}

/**
 * One encoder's ffmpeg: reads the FLV we write to its stdin, writes RTP to the RtpSourceLink. No video
 * transcoding (H.264 is copied); AAC (or whatever the encoder sends) becomes Opus, which browsers play.
 */
export class FfmpegBridge {
  private readonly child: ChildProcessWithoutNullStreams;
  private stderr = '';
  private ended = false;

  constructor(private readonly options: BridgeOptions) {
    this.child = spawn(options.ffmpegPath, bridgeArgs(options), { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.resume();
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-500);
    });
    this.child.stdin.on('error', () => undefined);
    this.child.on('error', (err) => this.exit(`ffmpeg could not start (${err.message})`));
    this.child.on('exit', (code, signal) => this.exit(`ffmpeg stopped (${signal ?? `code ${code}`})${this.stderr ? `: ${this.stderr.trim().split('\n').pop()}` : ''}`));
  }

  /** Writes FLV bytes; false (and the bridge stops) when ffmpeg is hopelessly behind. */
  write(flv: Buffer): boolean {
    if (this.ended) return false;
    if (this.child.stdin.writableLength > MAX_PENDING_BYTES) {
      this.stop();
      return false;
    }
    this.child.stdin.write(flv);
    return true;
  }

  stop(): void {
    if (this.ended) return;
    this.ended = true;
    this.child.stdin.end();
    this.child.kill('SIGKILL');
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  private exit(reason: string): void {
    const wasRunning = !this.ended;
    this.ended = true;
    if (wasRunning) this.options.onExit(reason);
  }
}
