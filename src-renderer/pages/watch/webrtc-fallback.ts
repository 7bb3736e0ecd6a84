/**
 * When a /watch viewer on WebRTC gives way to LL-HLS. A network that blocks WebRTC (UDP, a corporate
 * proxy) answers the WHEP offer over HTTP but never connects: three seconds after the answer without a
 * connection, HLS takes over. A slow phone or a busy relay that has not answered yet is not a blocked
 * network: counting from the player's start moved such viewers to HLS (seconds more latency for the
 * whole live) while their WebRTC was only late; they wait up to ANSWER_CAP_MS for the answer.
 */
export const WEBRTC_GRACE_MS = 3_000;
/** No WHEP answer at all after this long (refused, retrying, unreachable): HLS takes over. */
export const ANSWER_CAP_MS = 12_000;
/** How often the page asks the rule again while WebRTC is not playing. */
export const FALLBACK_CHECK_MS = 500;

export interface WebrtcProgress {
  now: number;
  /** When this player started. */
  startedAt: number;
  /** When the WHEP answer gave the first track, or null before. */
  answeredAt: number | null;
  /** The peer connection is connected (media flows or is about to). */
  playing: boolean;
}

export function shouldLeaveWebrtc({ now, startedAt, answeredAt, playing }: WebrtcProgress): boolean {
  if (playing) return false;
  if (answeredAt !== null) return now - answeredAt >= WEBRTC_GRACE_MS;
  return now - startedAt >= ANSWER_CAP_MS;
}
