import dgram from 'node:dgram';
import { readFile } from 'node:fs/promises';
import { RtcpSenderInfo, RtcpSrPacket, RtpHeader, RtpPacket } from 'werift';
import type { CodecLike } from '../codecs.js';
import { RtpRewriter } from '../rtp-rewriter.js';
import type { MediaKind, SourcePacket } from '../types.js';
import { freeRtpPortPair, untilUdpListener } from './ports.js';
import { tapSdp, TAP_PAYLOAD_TYPES, type TapStream } from './sdp.js';
import { announcedVideoSize, type VideoSize } from './video-size.js';

/** What a tap reads from: one session's program in the forwarder (see Forwarder.tapSource). */
export interface TapSource {
  /** Calls `onPacket` with every publisher packet and `onEnd` once the program is gone; returns an unsubscribe. */
  subscribe(onPacket: (packet: SourcePacket) => void, onEnd: () => void): () => void;
  /** Asks the publisher for a key frame (rate-limited with every viewer's requests). */
  requestKeyframe(): void;
}

export interface RtpTapOptions {
  /** Ask the publisher for a key frame this often: a packager cutting segments asks on its segment cadence. */
  keyframeIntervalMs?: number;
  /** How long `describe` waits for the publisher's first video key frame and audio. */
  probeMs?: number;
  host?: string;
}

/** How often each stream gets an RTCP sender report (the receiver's audio/video clock mapping). */
const SENDER_REPORT_MS = 1_000;
const CLOCK_RATES: Record<MediaKind, number> = { video: 90_000, audio: 48_000 };
/** Seconds between 1900 (NTP's epoch) and 1970. */
const NTP_EPOCH_OFFSET = 2_208_988_800n;

function ntpFromMs(ms: number): bigint {
  const seconds = BigInt(Math.floor(ms / 1000));
  const fraction = BigInt(Math.floor(((ms % 1000) / 1000) * 2 ** 32));
  return ((seconds + NTP_EPOCH_OFFSET) << 32n) | fraction;
}

/** Per kind: the rewritten stream and the wall-clock anchor its sender reports are computed from. */
class TapStreamState {
  readonly rewriter = new RtpRewriter();
  readonly ssrc = (Math.random() * 2 ** 32) >>> 0;
  sourceSsrc: number | undefined;
  anchor: { ms: number; timestamp: number } | undefined;
  lastTimestamp = 0;
  packets = 0;
  octets = 0;

  constructor(
    readonly kind: MediaKind,
    readonly port: number,
  ) {}
}

/**
 * The program as plain RTP on loopback, for a receiver such as ffmpeg: one UDP port per kind, the
 * tap's own payload types and SSRCs, sequence numbers and timestamps continuous across a publisher
 * reconnect, RTCP sender reports mapping both streams to the wall clock (so the receiver keeps audio and
 * video in sync), video starting at a key frame. Used by the HLS packager and by multistreaming out.
 *
 *   const tap = await RtpTap.open(forwarder.tapSource(id), { keyframeIntervalMs: 2000 });
 *   const sdp = await tap.describe();           // waits for a key frame; null when no video came
 *   // spawn the receiver with the SDP, then:
 *   await tap.start();                          // sends once the receiver listens
 *   tap.close();
 */
export class RtpTap {
  private readonly socket = dgram.createSocket('udp4');
  private readonly streams: Record<MediaKind, TapStreamState>;
  private readonly codecs: Partial<Record<MediaKind, CodecLike>> = {};
  /** The picture size of the latest key frame (VP8 header or H.264 SPS). */
  videoSize: VideoSize | null = null;
  private unsubscribe: (() => void) | undefined;
  private started = false;
  private waitingForKeyframe = true;
  private closed = false;
  private timers: NodeJS.Timeout[] = [];
  private readonly endListeners = new Set<() => void>();
  private readonly firstKeyframe: Promise<void>;
  private resolveKeyframe: () => void = () => undefined;

  private constructor(
    private readonly source: TapSource,
    private readonly options: Required<Pick<RtpTapOptions, 'host' | 'probeMs'>> & RtpTapOptions,
    ports: Record<MediaKind, number>,
  ) {
    this.streams = { video: new TapStreamState('video', ports.video), audio: new TapStreamState('audio', ports.audio) };
    this.socket.on('error', () => undefined); // a receiver that went away: nothing to do, it is restarted by its owner
    this.firstKeyframe = new Promise((resolve) => (this.resolveKeyframe = resolve));
    this.unsubscribe = source.subscribe((packet) => this.onPacket(packet), () => this.end());
  }

  static async open(source: TapSource, options: RtpTapOptions = {}): Promise<RtpTap> {
    const host = options.host ?? '127.0.0.1';
    const video = await freeRtpPortPair(host);
    const audio = await freeRtpPortPair(host, new Set([video, video + 1]));
    return new RtpTap(source, { ...options, host, probeMs: options.probeMs ?? 5_000 }, { video, audio });
  }

  /** The RTP ports (video, audio): the receiver binds them, RTCP on the next one. */
  get ports(): Record<MediaKind, number> {
    return { video: this.streams.video.port, audio: this.streams.audio.port };
  }

  /** The kinds the publisher has sent since the tap opened. */
  get kinds(): MediaKind[] {
    return (['video', 'audio'] as const).filter((kind) => this.codecs[kind] !== undefined);
  }

  /** The publisher's codec of each kind seen so far. */
  codecOf(kind: MediaKind): CodecLike | undefined {
    return this.codecs[kind];
  }

  /**
   * Waits for a video key frame (asking the publisher for one) and a little for audio, then describes
   * what was seen as SDP; null when the publisher sent no video key frame within `probeMs`.
   */
  async describe(): Promise<string | null> {
    this.source.requestKeyframe();
    const retry = setInterval(() => this.source.requestKeyframe(), 1_000);
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), this.options.probeMs).unref());
    const outcome = await Promise.race([this.firstKeyframe.then(() => 'keyframe' as const), timeout]);
    clearInterval(retry);
    if (outcome === 'timeout' || this.closed) return null;
    // Audio packets come every 20 ms: a short wait tells an audio-less program from one that has audio.
    if (!this.codecs.audio) await new Promise((resolve) => setTimeout(resolve, 300));
    const streams: TapStream[] = this.kinds.map((kind) => ({ kind, port: this.streams[kind].port, codec: this.codecs[kind] as CodecLike }));
    return tapSdp(this.options.host, streams);
  }

  /**
   * Starts sending once the receiver listens on the video port (or after `listenTimeoutMs` anyway), from
   * the next key frame. Not from the forwarder's cached group: its packets are up to seconds old, and the
   * sender reports map timestamps to the time packets are sent, which would put video ahead of audio.
   */
  async start(listenTimeoutMs = 3_000): Promise<void> {
    if (this.started || this.closed) return;
    await untilUdpListener(this.streams.video.port, listenTimeoutMs, () => readFile('/proc/net/udp', 'utf8'));
    if (this.closed) return;
    this.started = true;
    this.waitingForKeyframe = true;
    this.source.requestKeyframe();
    this.timers.push(setInterval(() => this.sendSenderReports(), SENDER_REPORT_MS));
    if (this.options.keyframeIntervalMs) this.timers.push(setInterval(() => this.source.requestKeyframe(), this.options.keyframeIntervalMs));
    for (const timer of this.timers) timer.unref();
  }

  /** Called once when the program ends (the session's media closed); not after close(). */
  onEnd(listener: () => void): () => void {
    this.endListeners.add(listener);
    return () => this.endListeners.delete(listener);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe?.();
    for (const timer of this.timers) clearInterval(timer);
    this.socket.close();
    this.resolveKeyframe();
  }

  private end(): void {
    const listeners = [...this.endListeners];
    this.close();
    for (const listener of listeners) listener();
  }

  private onPacket(packet: SourcePacket): void {
    if (this.closed) return;
    this.codecs[packet.kind] ??= packet.codec;
    if (packet.kind === 'video' && packet.keyframeStart) {
      this.videoSize = announcedVideoSize(packet) ?? this.videoSize;
      this.resolveKeyframe();
    }
    if (!this.started) return;
    const stream = this.streams[packet.kind];
    if (packet.kind === 'video' && this.waitingForKeyframe) {
      if (!packet.keyframeStart) return;
      this.waitingForKeyframe = false;
    }
    if (packet.ssrc !== stream.sourceSsrc) {
      // A new publisher (or the first packet): re-anchor the wall clock and tell the receiver at once.
      stream.sourceSsrc = packet.ssrc;
      stream.anchor = undefined;
    }
    const { sequenceNumber, timestamp } = stream.rewriter.map(packet);
    if (!stream.anchor) {
      stream.anchor = { ms: Date.now(), timestamp };
      stream.lastTimestamp = timestamp;
      this.sendSenderReport(stream);
    }
    stream.lastTimestamp = timestamp;
    stream.packets += 1;
    stream.octets += packet.payload.length;
    const header = new RtpHeader({ payloadType: TAP_PAYLOAD_TYPES[packet.kind], sequenceNumber, timestamp, ssrc: stream.ssrc, marker: packet.marker });
    this.socket.send(new RtpPacket(header, packet.payload).serialize(), stream.port, this.options.host);
  }

  private sendSenderReports(): void {
    for (const stream of Object.values(this.streams)) if (stream.anchor) this.sendSenderReport(stream);
  }

  /** The wall-clock time of the stream's latest timestamp, from its anchor (no arrival jitter in the mapping). */
  private sendSenderReport(stream: TapStreamState): void {
    const anchor = stream.anchor;
    if (!anchor) return;
    const elapsedTicks = (stream.lastTimestamp - anchor.timestamp) >>> 0;
    const ms = anchor.ms + (elapsedTicks / CLOCK_RATES[stream.kind]) * 1000;
    const senderInfo = new RtcpSenderInfo({ ntpTimestamp: ntpFromMs(ms), rtpTimestamp: stream.lastTimestamp, packetCount: stream.packets, octetCount: stream.octets });
    const report = new RtcpSrPacket({ ssrc: stream.ssrc, senderInfo });
    this.socket.send(report.serialize(), stream.port + 1, this.options.host);
  }
}
