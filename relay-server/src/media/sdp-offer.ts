import { z } from 'zod';

/** WHIP/WHEP bodies larger than this are refused before parsing (a real offer is a few kB). */
export const MAX_SDP_BYTES = 64 * 1024;

/**
 * A plausible SDP offer: starts with `v=0`, has at least one audio or video m-line, ICE credentials
 * and a DTLS fingerprint. werift gets only offers that pass, and its own errors are still caught.
 */
export const SdpOffer = z
  .string()
  .max(MAX_SDP_BYTES)
  .refine((sdp) => /^v=0\r?\n/.test(sdp), 'must start with v=0')
  .refine((sdp) => /^m=(audio|video) \d+ /m.test(sdp), 'must have an audio or video m-line')
  .refine((sdp) => /^a=ice-ufrag:\S+/m.test(sdp) && /^a=ice-pwd:\S+/m.test(sdp), 'must carry ICE credentials')
  .refine((sdp) => /^a=fingerprint:\S+ [0-9A-Fa-f:]+/m.test(sdp), 'must carry a DTLS fingerprint');
