import { enoughCandidates } from './gather.js';

/** Creates the local offer and returns it with the candidates the server needs inline (see gather.ts). */
export async function completeOffer(pc: RTCPeerConnection): Promise<string> {
  const offer = await pc.createOffer();
  const gathered = enoughCandidates(pc);
  await pc.setLocalDescription(offer);
  await gathered;
  const sdp = pc.localDescription?.sdp;
  if (!sdp) throw new Error('no local description');
  return sdp;
}

/** The parts of RTCRtpCodec this ordering reads (kept structural so it is testable without a browser). */
interface CodecCapability {
  mimeType: string;
  sdpFmtpLine?: string;
}

const isVp8 = (c: CodecCapability) => /^video\/vp8$/i.test(c.mimeType);
const isRtx = (c: CodecCapability) => /^video\/rtx$/i.test(c.mimeType);
/** H.264 as the relay's forwarder relays it: packetization-mode 1, a profile every browser decodes. */
const isForwardedH264 = (c: CodecCapability) =>
  /^video\/h264$/i.test(c.mimeType) && /packetization-mode=1/.test(c.sdpFmtpLine ?? '') && /profile-level-id=(42|4d|64)/i.test(c.sdpFmtpLine ?? '');
/** Constrained baseline first: the profile every decoder (and every HLS player) takes. */
const h264Rank = (c: CodecCapability) => (/profile-level-id=42e0/i.test(c.sdpFmtpLine ?? '') ? 0 : /profile-level-id=42/i.test(c.sdpFmtpLine ?? '') ? 1 : 2);

/**
 * The codecs a WHIP upload offers, best first: H.264 (mode 1, constrained baseline first) where the
 * browser encodes it (better for HLS and hardware decoders), then VP8, then retransmission. The relay's
 * forwarder answers with the first one it relays.
 */
export function whipCodecOrder<C extends CodecCapability>(capabilities: readonly C[]): C[] {
  const h264 = capabilities.filter(isForwardedH264).sort((a, b) => h264Rank(a) - h264Rank(b));
  return [...h264, ...capabilities.filter(isVp8), ...capabilities.filter(isRtx)];
}

/**
 * Applies whipCodecOrder to a video transceiver. Browsers without setCodecPreferences still offer VP8
 * and usually H.264, which the forwarder then picks in their own order.
 */
export function preferForwardedCodecs(transceiver: RTCRtpTransceiver): void {
  const capabilities = RTCRtpSender.getCapabilities?.('video') ?? RTCRtpReceiver.getCapabilities?.('video');
  if (!capabilities || typeof transceiver.setCodecPreferences !== 'function') return;
  const ordered = whipCodecOrder(capabilities.codecs);
  if (ordered.some((c) => !isRtx(c))) transceiver.setCodecPreferences(ordered);
}
