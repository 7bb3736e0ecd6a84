import { H264Stream } from 'mux.js/lib/codecs/h264.js';
import { forwardedCodecOf } from '../codecs.js';
import { NAL_SPS } from '../h264.js';
import type { SourcePacket } from '../types.js';

export interface VideoSize {
  width: number;
  height: number;
}

/** VP8 key frame header (RFC 6386 9.1): after the 3-byte frame tag, start code 9d 01 2a, then 14-bit width and height. */
function vp8Size(payload: Buffer): VideoSize | null {
  // Skip the RTP payload descriptor (RFC 7741): 1 byte, plus the extension bytes when X is set.
  let offset = 1;
  const first = payload[0] ?? 0;
  if (first & 0x80) {
    const flags = payload[offset] ?? 0;
    offset += 1;
    if (flags & 0x80) offset += ((payload[offset] ?? 0) & 0x80) !== 0 ? 2 : 1;
    if (flags & 0x40) offset += 1;
    if (flags & 0x30) offset += 1;
  }
  const frame = payload.subarray(offset);
  if (frame.length < 10 || frame[3] !== 0x9d || frame[4] !== 0x01 || frame[5] !== 0x2a) return null;
  return { width: frame.readUInt16LE(6) & 0x3fff, height: frame.readUInt16LE(8) & 0x3fff };
}

/** The SPS NAL units in an H.264 RTP payload (single NAL unit or STAP-A). */
function spsUnits(payload: Buffer): Buffer[] {
  const type = (payload[0] ?? 0) & 0x1f;
  if (type === NAL_SPS) return [payload];
  if (type !== 24) return [];
  const units: Buffer[] = [];
  let offset = 1;
  while (offset + 2 < payload.length) {
    const size = payload.readUInt16BE(offset);
    const unit = payload.subarray(offset + 2, offset + 2 + size);
    if (((unit[0] ?? 0) & 0x1f) === NAL_SPS) units.push(unit);
    offset += 2 + size;
  }
  return units;
}

/** Decodes an SPS with mux.js's H.264 reader (exp-Golomb, cropping, interlace). */
function h264Size(sps: Buffer): VideoSize | null {
  const stream = new H264Stream();
  let size: VideoSize | null = null;
  stream.on('data', (event: { config?: VideoSize }) => {
    if (event.config && event.config.width > 0 && event.config.height > 0) size = { width: event.config.width, height: event.config.height };
  });
  const annexB = Buffer.concat([Buffer.from([0, 0, 0, 1]), sps, Buffer.from([0, 0, 0, 1, 9, 0xf0])]);
  stream.push({ type: 'video', trackId: 1, pts: 0, dts: 0, data: annexB });
  stream.flush();
  return size;
}

/** The picture size a video packet announces (VP8 key frame header, H.264 SPS), or null. */
export function announcedVideoSize(packet: SourcePacket): VideoSize | null {
  if (packet.kind !== 'video') return null;
  const codec = forwardedCodecOf(packet.codec);
  try {
    if (codec === 'vp8') return packet.keyframeStart ? vp8Size(packet.payload) : null;
    if (codec === 'h264') {
      for (const sps of spsUnits(packet.payload)) {
        const size = h264Size(sps);
        if (size) return size;
      }
    }
  } catch {
    return null; // a malformed header is not a size
  }
  return null;
}
