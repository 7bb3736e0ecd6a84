import { forwardedCodecOf, h264Profile, type CodecLike } from '../codecs.js';
import type { MediaKind } from '../types.js';

/** The payload types the tap sends under (its own: the publisher's may change when it reconnects). */
export const TAP_PAYLOAD_TYPES: Record<MediaKind, number> = { video: 96, audio: 111 };

export interface TapStream {
  kind: MediaKind;
  port: number;
  /** The publisher's codec for this kind (Opus for audio). */
  codec: CodecLike;
}

function rtpmap(stream: TapStream): string[] {
  const pt = TAP_PAYLOAD_TYPES[stream.kind];
  const codec = forwardedCodecOf(stream.codec);
  if (codec === 'opus') return [`a=rtpmap:${pt} opus/48000/2`, `a=fmtp:${pt} sprop-stereo=1`];
  if (codec === 'vp8') return [`a=rtpmap:${pt} VP8/90000`];
  if (codec === 'h264') {
    const level = /profile-level-id=([0-9a-f]{6})/i.exec(stream.codec.parameters ?? '')?.[1] ?? `${h264Profile(stream.codec)}e01f`;
    return [`a=rtpmap:${pt} H264/90000`, `a=fmtp:${pt} packetization-mode=1;profile-level-id=${level}`];
  }
  throw new Error(`the tap cannot describe ${stream.codec.mimeType}`);
}

/**
 * The session description a receiver such as ffmpeg (`-f sdp -i …`) needs to read the tap: one RTP
 * stream per kind on loopback, RTCP on the next port (sender reports carry the wall clock that keeps
 * audio and video in sync).
 */
export function tapSdp(host: string, streams: TapStream[]): string {
  const lines = ['v=0', `o=- 0 0 IN IP4 ${host}`, 's=Afritok program', `c=IN IP4 ${host}`, 't=0 0'];
  for (const stream of streams) {
    lines.push(`m=${stream.kind} ${stream.port} RTP/AVP ${TAP_PAYLOAD_TYPES[stream.kind]}`, ...rtpmap(stream), 'a=recvonly');
  }
  return `${lines.join('\r\n')}\r\n`;
}
