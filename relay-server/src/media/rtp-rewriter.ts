import type { SourcePacket } from './types.js';

/**
 * Keeps one viewer's outgoing sequence numbers and timestamps continuous for one media kind even
 * when the link skips packets on purpose (queue overflow, waiting for a key frame) or the publisher
 * is replaced (new SSRC, new random starting points). A gap the viewer sees is then a real loss,
 * which it may NACK, never a hole we made ourselves.
 */
export class RtpRewriter {
  private sourceSsrc: number | undefined;
  private seqOffset = 0;
  private timestampOffset = 0;
  private lastOut: { sequenceNumber: number; timestamp: number } | undefined;

  /** Call for each packet skipped on purpose so later packets close the gap. */
  skip(packet: SourcePacket): void {
    this.adoptSource(packet);
    this.seqOffset = (this.seqOffset - 1) & 0xffff;
  }

  map(packet: SourcePacket): { sequenceNumber: number; timestamp: number } {
    this.adoptSource(packet);
    const out = {
      sequenceNumber: (packet.sequenceNumber + this.seqOffset) & 0xffff,
      timestamp: (packet.timestamp + this.timestampOffset) >>> 0,
    };
    this.lastOut = out;
    return out;
  }

  private adoptSource(packet: SourcePacket): void {
    if (packet.ssrc === this.sourceSsrc) return;
    this.sourceSsrc = packet.ssrc;
    if (!this.lastOut) return;
    // A new publisher: continue right after what this viewer last got (one 90 kHz frame later).
    this.seqOffset = (this.lastOut.sequenceNumber + 1 - packet.sequenceNumber) & 0xffff;
    this.timestampOffset = (this.lastOut.timestamp + 3000 - packet.timestamp) >>> 0;
  }
}
