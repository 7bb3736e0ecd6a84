/** Longest wait for ICE gathering before sending the offer with what was found (WHIP/WHEP without trickle). */
const GATHER_TIMEOUT_MS = 3_000;

function gathered(pc: RTCPeerConnection): Promise<void> {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      pc.removeEventListener('icegatheringstatechange', onChange);
      resolve();
    };
    const onChange = () => pc.iceGatheringState === 'complete' && done();
    const timer = setTimeout(done, GATHER_TIMEOUT_MS);
    pc.addEventListener('icegatheringstatechange', onChange);
  });
}

/** Creates the local offer and returns it with every candidate gathered so far inline. */
export async function completeOffer(pc: RTCPeerConnection): Promise<string> {
  await pc.setLocalDescription(await pc.createOffer());
  await gathered(pc);
  const sdp = pc.localDescription?.sdp;
  if (!sdp) throw new Error('no local description');
  return sdp;
}

/**
 * Puts VP8 first: the embedded forwarder relays payloads untouched and speaks VP8 + Opus only.
 * Browsers without setCodecPreferences still offer VP8, which the forwarder then picks.
 */
export function preferVp8(transceiver: RTCRtpTransceiver): void {
  const capabilities = RTCRtpSender.getCapabilities?.('video') ?? RTCRtpReceiver.getCapabilities?.('video');
  if (!capabilities || typeof transceiver.setCodecPreferences !== 'function') return;
  const vp8 = capabilities.codecs.filter((c) => /^video\/(VP8|rtx)$/i.test(c.mimeType));
  if (vp8.length > 0) transceiver.setCodecPreferences(vp8);
}
