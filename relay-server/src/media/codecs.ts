import { SessionDescription } from 'werift';

/**
 * Which codecs the forwarder relays untouched, and how each side's list is narrowed. Publishers send
 * H.264 (packetization-mode 1: constrained baseline, baseline, main or high, as OBS, x264 and Chromium
 * send them) or VP8, with Opus; every viewer gets the publisher's payloads as they are, under the
 * payload type it offered for that codec.
 */
export type ForwardedCodec = 'vp8' | 'h264' | 'opus';

/** What the forwarder needs to know of one negotiated codec (werift's RTCRtpCodecParameters fit). */
export interface CodecLike {
  mimeType: string;
  payloadType: number;
  parameters?: string;
}

/** H.264 profile_idc values a browser decodes: baseline/constrained baseline, main, high. */
const H264_PROFILES = new Set(['42', '4d', '64']);

function fmtp(parameters: string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of (parameters ?? '').split(';')) {
    const [key, value] = part.split('=');
    if (key && value !== undefined) map.set(key.trim().toLowerCase(), value.trim().toLowerCase());
  }
  return map;
}

/** The profile_idc of an H.264 codec as two hex digits ('42' when absent: RFC 6184's default). */
export function h264Profile(codec: Pick<CodecLike, 'parameters'>): string {
  return (fmtp(codec.parameters).get('profile-level-id') ?? '42').slice(0, 2);
}

export function forwardedCodecOf(codec: Pick<CodecLike, 'mimeType' | 'parameters'>): ForwardedCodec | null {
  const mime = codec.mimeType.toLowerCase();
  if (mime === 'video/vp8') return 'vp8';
  if (mime === 'audio/opus') return 'opus';
  if (mime !== 'video/h264') return null;
  const params = fmtp(codec.parameters);
  if (params.get('packetization-mode') !== '1') return null;
  return H264_PROFILES.has(h264Profile(codec)) ? 'h264' : null;
}

/**
 * A publisher's codecs narrowed to the one it should send: the first forwardable codec in the order
 * it offered them (its preference), so a studio that prefers H.264 sends H.264.
 */
export function publisherCodecs<C extends CodecLike>(offered: C[]): C[] {
  const first = offered.find((codec) => forwardedCodecOf(codec) !== null);
  return first ? [first] : [];
}

/** A viewer's codecs narrowed to those it may receive from any publisher (VP8, H.264 mode 1, Opus). */
export function viewerCodecs<C extends CodecLike>(offered: C[]): C[] {
  return offered.filter((codec) => forwardedCodecOf(codec) !== null);
}

/**
 * The viewer's codec for a publisher's codec: same codec, and for H.264 the same profile when the viewer
 * offered it (any mode-1 H.264 otherwise: decoders handle every profile the encoder may really send).
 */
export function matchingCodec<C extends CodecLike>(viewer: C[], source: CodecLike): C | undefined {
  const kind = forwardedCodecOf(source);
  const same = viewer.filter((codec) => forwardedCodecOf(codec) === kind);
  if (kind !== 'h264') return same[0];
  return same.find((codec) => h264Profile(codec) === h264Profile(source)) ?? same[0];
}

const NAMES: Record<ForwardedCodec, string> = { vp8: 'VP8', h264: 'H.264', opus: 'Opus' };

export function codecName(codec: CodecLike): string {
  const forwarded = forwardedCodecOf(codec);
  if (forwarded) return NAMES[forwarded];
  const name = codec.mimeType.split('/')[1] ?? codec.mimeType;
  return codec.mimeType.toLowerCase() === 'video/h264' ? `${name} (${fmtp(codec.parameters).get('packetization-mode') === '1' ? `profile ${h264Profile(codec)}` : 'packetization-mode 0'})` : name;
}

/** The media sections of an offer that carry media (port ≠ 0), with their codecs. */
function offeredMedia(offerSdp: string): Array<{ kind: 'audio' | 'video'; codecs: CodecLike[] }> {
  const parsed = SessionDescription.parse(offerSdp);
  return parsed.media
    .filter((m) => (m.kind === 'audio' || m.kind === 'video') && m.port !== 0)
    .map((m) => ({ kind: m.kind === 'audio' ? 'audio' : 'video', codecs: m.rtp.codecs }));
}

/**
 * Why an offer cannot be forwarded (a sentence for the 406), or null when every media section has a
 * codec the forwarder relays. `required` is the codec viewers must be able to decode (the publisher's).
 */
export function unforwardableReason(offerSdp: string, required?: CodecLike): string | null {
  let media: ReturnType<typeof offeredMedia>;
  try {
    media = offeredMedia(offerSdp);
  } catch {
    return null; // unreadable: werift's own error becomes the 400
  }
  for (const { kind, codecs } of media) {
    // A section with an unreadable rtpmap is a malformed offer (werift's 400), not a codec question.
    if (codecs.length === 0 || codecs.some((c) => !/^(audio|video)\/[\w.-]+$/.test(c.mimeType))) return null;
    const usable = codecs.filter((codec) => forwardedCodecOf(codec) !== null);
    if (usable.length === 0) {
      const offered = [...new Set(codecs.filter((c) => !/^(video|audio)\/(rtx|red|ulpfec|flexfec-03|telephone-event|cn)$/i.test(c.mimeType)).map(codecName))];
      const accepted = kind === 'video' ? 'H.264 (packetization-mode 1; constrained baseline, main or high) or VP8' : 'Opus';
      return `No ${kind} codec the relay can forward: the offer has ${offered.length > 0 ? offered.join(', ') : 'none'}; the relay forwards ${accepted}`;
    }
    if (kind === 'video' && required && !matchingCodec(usable, required)) {
      return `This live is sent in ${codecName(required)}, which the offer does not include`;
    }
  }
  return null;
}
