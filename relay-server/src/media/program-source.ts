import type { CodecLike } from './codecs.js';
import { forwardedCodecOf } from './codecs.js';
import { H264KeyframeDetector } from './h264.js';
import type { MediaKind, SourcePacket } from './types.js';
import { isVp8KeyframeStart } from './vp8.js';

/**
 * Whatever feeds a session's program into the forwarder: a WHIP publisher's peer connection
 * (PublisherLink) or an encoder's RTP from a local ffmpeg (RtpSourceLink, RTMP ingest). The room only
 * needs to know when it last sent, what it sends, how to ask it for a key frame, and how to end it.
 */
export interface ProgramSource {
  readonly id: string;
  /** performance.now() of the last media packet: a source that vanished goes quiet. */
  readonly lastPacketAt: number;
  /** The video codec it sends (null before negotiation or for audio-only). */
  readonly videoCodec: CodecLike | null;
  /** Asks for a key frame (a no-op for sources that cannot be asked, such as RTMP encoders). */
  requestKeyframe(): void;
  close(): void;
}

/** Builds SourcePackets from received RTP, marking where a decoder may start (one per source). */
export class SourcePacketMaker {
  private readonly h264 = new H264KeyframeDetector();

  make(kind: MediaKind, codec: CodecLike, header: { ssrc: number; sequenceNumber: number; timestamp: number; marker: boolean }, payload: Buffer): SourcePacket {
    return {
      kind,
      ssrc: header.ssrc,
      sequenceNumber: header.sequenceNumber,
      timestamp: header.timestamp,
      marker: header.marker,
      payload,
      codec,
      keyframeStart: kind === 'video' && this.isKeyframeStart(codec, header.timestamp, payload),
    };
  }

  private isKeyframeStart(codec: CodecLike, timestamp: number, payload: Buffer): boolean {
    const forwarded = forwardedCodecOf(codec);
    if (forwarded === 'h264') return this.h264.isKeyframeStart(timestamp, payload);
    return forwarded === 'vp8' && isVp8KeyframeStart(payload);
  }
}
