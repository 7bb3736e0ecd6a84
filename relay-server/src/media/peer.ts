import {
  RTCPeerConnection,
  type RTCRtpCodecParameters as CodecParameters,
  RTCRtpCodecParameters,
  useAbsSendTime,
  useFIR,
  useNACK,
  usePLI,
  useSdesMid,
  useTransportWideCC,
} from 'werift';
import { publisherCodecs, viewerCodecs } from './codecs.js';

/** How long to wait for local ICE candidates before answering anyway (loopback gathers in a few ms). */
const GATHER_TIMEOUT_MS = 2_000;

export interface PeerOptions {
  /** Extra host addresses to offer (127.0.0.1 so that peers on the same machine connect). */
  additionalHostAddresses: string[];
  /** The publisher side also negotiates transport-wide congestion control so its encoder ramps up. */
  role: 'publisher' | 'viewer';
  /** STUN/TURN servers for gathering; see StunResponder for why this is never empty. */
  iceServers: Array<{ urls: string; username?: string; credential?: string }>;
}

/**
 * The codecs the embedded forwarder relays untouched: H.264, VP8 and Opus. werift matches offered codecs
 * by MIME type only; `narrowCodecs` then applies the forwarder's rules (see codecs.ts).
 */
function codecs(role: PeerOptions['role']) {
  // The publisher's encoder only ramps its bitrate up with congestion feedback: transport-cc for it.
  const feedback = role === 'publisher' ? [useNACK(), usePLI(), useFIR(), { type: 'transport-cc' }] : [useNACK(), usePLI(), useFIR()];
  return {
    video: [
      new RTCRtpCodecParameters({ mimeType: 'video/H264', clockRate: 90_000, rtcpFeedback: feedback }),
      new RTCRtpCodecParameters({ mimeType: 'video/VP8', clockRate: 90_000, rtcpFeedback: feedback }),
    ],
    audio: [new RTCRtpCodecParameters({ mimeType: 'audio/opus', clockRate: 48_000, channels: 2 })],
  };
}

export function createPeer(options: PeerOptions): RTCPeerConnection {
  const videoExtensions = options.role === 'publisher'
    ? [useSdesMid(), useAbsSendTime(), useTransportWideCC()]
    : [useSdesMid(), useAbsSendTime()];
  return new RTCPeerConnection({
    codecs: codecs(options.role),
    headerExtensions: { video: videoExtensions, audio: [useSdesMid()] },
    iceServers: options.iceServers,
    iceAdditionalHostAddresses: options.additionalHostAddresses,
    iceUseIpv6: false,
    bundlePolicy: 'max-bundle',
  });
}

function gatheringComplete(pc: RTCPeerConnection): Promise<void> {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, GATHER_TIMEOUT_MS);
    const { unSubscribe } = pc.iceGatheringStateChange.subscribe((state) => {
      if (state === 'complete') done();
    });
    function done() {
      clearTimeout(timer);
      unSubscribe();
      resolve();
    }
  });
}

/** The media kinds of an offer's m-lines, in order. */
export function offeredKinds(offerSdp: string): Array<'audio' | 'video'> {
  return [...offerSdp.matchAll(/^m=(audio|video) /gm)].map((m) => (m[1] === 'audio' ? 'audio' : 'video'));
}

/**
 * Prepares a viewer's peer to send: werift answers an m-line with a transceiver of the same kind made
 * beforehand, and rejects (port 0, inactive) the ones it has to create itself for a recvonly offer.
 */
export function addSendTransceivers(pc: RTCPeerConnection, offerSdp: string): void {
  for (const kind of offeredKinds(offerSdp)) pc.addTransceiver(kind, { direction: 'sendonly' });
}

/**
 * Narrows what werift matched to what is forwarded: a publisher answers with the single codec it will
 * send (its first forwardable one), a viewer with every codec it may be sent (the publisher's payload
 * type is chosen per packet, so a publisher switching codec needs no renegotiation).
 */
function narrowCodecs(pc: RTCPeerConnection, role: PeerOptions['role']): void {
  for (const transceiver of pc.getTransceivers()) {
    if (transceiver.kind !== 'audio' && transceiver.kind !== 'video') continue;
    const offered: CodecParameters[] = transceiver.codecs;
    const kept = role === 'publisher' ? publisherCodecs(offered) : viewerCodecs(offered);
    if (kept.length === 0) throw new Error(`no forwardable ${transceiver.kind} codec`);
    transceiver.codecs = kept;
  }
}

/**
 * Answers `a=setup:passive`: the browser (the offerer, `actpass`) then starts DTLS the moment ICE
 * connects. As the DTLS client werift sleeps 100 ms before its ClientHello (transport/dtls.js), which
 * was most of the time between a viewer's answer and its first frame (bench webrtc-latency).
 */
function answerAsDtlsServer(pc: RTCPeerConnection): void {
  for (const transceiver of pc.getTransceivers()) transceiver.dtlsTransport.role = 'server';
}

/** Applies a remote offer and returns the complete answer (all candidates inline: WHIP/WHEP do not trickle here). */
export async function answerOffer(pc: RTCPeerConnection, offerSdp: string, role: PeerOptions['role']): Promise<string> {
  await pc.setRemoteDescription({ type: 'offer', sdp: offerSdp });
  narrowCodecs(pc, role);
  answerAsDtlsServer(pc);
  const answer = await pc.createAnswer();
  await pc.setLocalDescription(answer);
  await gatheringComplete(pc);
  const sdp = pc.localDescription?.sdp;
  if (!sdp) throw new Error('werift produced no local description');
  return withoutTrickle(sdp);
}

/** The answer must not claim trickle ICE: the endpoints take no PATCH (RFC 9725 §4.3.1). */
function withoutTrickle(sdp: string): string {
  return sdp.replace(/^a=ice-options:([^\r\n]*)\r?\n/gm, (line, options: string) => {
    const kept = options.split(' ').filter((o) => o && o !== 'trickle');
    return kept.length > 0 ? `a=ice-options:${kept.join(' ')}\r\n` : '';
  });
}
