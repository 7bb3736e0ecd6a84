import type { CodecLike } from './codecs.js';

/** The kinds of media the forwarder relays. */
export type MediaKind = 'audio' | 'video';

/** One RTP packet from the publisher, as every viewer link receives it (read-only: links copy what they change). */
export interface SourcePacket {
  kind: MediaKind;
  ssrc: number;
  sequenceNumber: number;
  timestamp: number;
  marker: boolean;
  payload: Buffer;
  /** The publisher's negotiated codec (one object per publisher stream): viewers map it to their own payload type. */
  codec: CodecLike;
  /** True for the first packet of a VP8 key frame or of an H.264 IDR access unit with its SPS/PPS (always false for audio). */
  keyframeStart: boolean;
}

/** Counters of one viewer link, for metrics and the benchmark. */
export interface ViewerLinkStats {
  sentPackets: number;
  droppedPackets: number;
  queued: number;
}
