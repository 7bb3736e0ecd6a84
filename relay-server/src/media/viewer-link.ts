import { RtpHeader, RtpPacket, type RTCPeerConnection, type RTCRtpCodecParameters, type RTCRtpSender } from 'werift';
import { matchingCodec, type CodecLike } from './codecs.js';
import { RtpRewriter } from './rtp-rewriter.js';
import type { MediaKind, SourcePacket, ViewerLinkStats } from './types.js';

/**
 * About two seconds of a 1.5 Mbps program (room for a replayed key frame group, MAX_CACHED_PACKETS, plus
 * live packets). A viewer further behind than this is not served late packets: its queue is emptied and
 * it resumes at the next key frame, so it never holds up others nor grows the relay's memory.
 */
export const MAX_QUEUED_PACKETS = 256;

/** A viewer still waiting for a key frame after this long asks again (the request or the frame was lost). */
const KEYFRAME_RETRY_MS = 1_000;

export interface ViewerLinkEvents {
  /** The viewer needs a key frame (joined, fell behind, or asked with PLI/FIR). */
  needKeyframe(): void;
}

/** One viewer's peer connection and its own send queue. */
export class ViewerLink {
  private readonly senders = new Map<MediaKind, RTCRtpSender>();
  /** What this viewer negotiated per kind, and the viewer codec chosen for each publisher codec seen. */
  private readonly negotiated = new Map<MediaKind, RTCRtpCodecParameters[]>();
  private readonly codecFor = new Map<CodecLike, RTCRtpCodecParameters | null>();
  private readonly rewriters = new Map<MediaKind, RtpRewriter>([['audio', new RtpRewriter()], ['video', new RtpRewriter()]]);
  private readonly queue: SourcePacket[] = [];
  private draining = false;
  private waitingForKeyframe = true;
  private closed = false;
  /** Packets are only worth sending once DTLS is up (werift silently drops them before). */
  private active = false;
  private keyframeAskedAt = 0;
  private readonly stats: ViewerLinkStats = { sentPackets: 0, droppedPackets: 0, queued: 0 };

  constructor(
    readonly id: string,
    readonly pc: RTCPeerConnection,
    private readonly events: ViewerLinkEvents,
  ) {}

  /** Call after the answer is set: binds each negotiated transceiver's sender by kind. */
  bindSenders(): void {
    for (const transceiver of this.pc.getTransceivers()) {
      const kind = transceiver.kind;
      if ((kind !== 'audio' && kind !== 'video') || this.senders.has(kind)) continue;
      transceiver.sender.onPictureLossIndication.subscribe(() => this.events.needKeyframe());
      this.senders.set(kind, transceiver.sender);
      this.negotiated.set(kind, transceiver.codecs);
    }
  }

  /**
   * The viewer's transport is connected: start forwarding. `primer` is the publisher's latest key frame
   * group (see KeyframeCache); without one the viewer asks for a fresh key frame.
   */
  activate(primer: SourcePacket[] = []): void {
    if (this.active || this.closed) return;
    this.active = true;
    if (primer.length === 0 || !this.senders.has('video')) this.askKeyframe();
    else for (const packet of primer) this.enqueue(packet);
  }

  get wantsVideo(): boolean {
    return this.senders.has('video');
  }

  enqueue(packet: SourcePacket): void {
    if (!this.active || this.closed || !this.senders.has(packet.kind)) return;
    if (this.queue.length >= MAX_QUEUED_PACKETS) this.fallBehind();
    this.queue.push(packet);
    if (!this.draining) void this.drain();
  }

  snapshot(): ViewerLinkStats {
    return { ...this.stats, queued: this.queue.length };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.queue.length = 0;
    void this.pc.close().catch(() => undefined);
  }

  private fallBehind(): void {
    for (const dropped of this.queue) this.rewriterOf(dropped.kind).skip(dropped);
    this.stats.droppedPackets += this.queue.length;
    this.queue.length = 0;
    if (!this.waitingForKeyframe) {
      this.waitingForKeyframe = true;
      this.askKeyframe();
    }
  }

  private askKeyframe(): void {
    this.keyframeAskedAt = performance.now();
    this.events.needKeyframe();
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      for (let packet = this.queue.shift(); packet && !this.closed; packet = this.queue.shift()) {
        await this.sendOne(packet);
      }
    } finally {
      this.draining = false;
    }
  }

  private async sendOne(packet: SourcePacket): Promise<void> {
    const sender = this.senders.get(packet.kind);
    const codec = this.viewerCodec(packet);
    if (!sender || !codec) {
      // The viewer cannot decode this publisher's codec (checked at join; a publisher may change codec).
      this.rewriterOf(packet.kind).skip(packet);
      this.stats.droppedPackets += 1;
      return;
    }
    if (packet.kind === 'video' && this.waitingForKeyframe) {
      if (!packet.keyframeStart) {
        this.rewriterOf('video').skip(packet);
        this.stats.droppedPackets += 1;
        if (performance.now() - this.keyframeAskedAt > KEYFRAME_RETRY_MS) this.askKeyframe();
        return;
      }
      this.waitingForKeyframe = false;
    }
    const { sequenceNumber, timestamp } = this.rewriterOf(packet.kind).map(packet);
    const header = new RtpHeader({ sequenceNumber, timestamp, marker: packet.marker, ssrc: packet.ssrc });
    // werift stamps the sender's current codec's payload type on the packet, synchronously.
    sender.codec = codec;
    await sender.sendRtp(new RtpPacket(header, packet.payload));
    this.stats.sentPackets += 1;
  }

  private viewerCodec(packet: SourcePacket): RTCRtpCodecParameters | null {
    let codec = this.codecFor.get(packet.codec);
    if (codec === undefined) {
      codec = matchingCodec(this.negotiated.get(packet.kind) ?? [], packet.codec) ?? null;
      this.codecFor.set(packet.codec, codec);
    }
    return codec;
  }

  private rewriterOf(kind: MediaKind): RtpRewriter {
    const rewriter = this.rewriters.get(kind);
    if (!rewriter) throw new Error(`no rewriter for ${kind}`);
    return rewriter;
  }
}
