/** What a link's watchdog knows each time it looks (every second). */
export interface LinkWatch {
  state: RTCPeerConnectionState;
  /** The far end's offer arrived for this link (our hello was answered). */
  offered: boolean;
  /** When this link said hello. */
  helloAt: number;
  /** Since when the link has been disconnected/failed/closed, or null while it is not. */
  downSince: number | null;
  now: number;
}

/** A hello not answered by an offer within this time is sent again (far end not ready yet, lost…). */
export const HELLO_RETRY_MS = 4_000;
/** A link that is not connected after this long (or down this long) is replaced. */
export const STUCK_MS = 10_000;
/** A failed link gets this long for PeerLink's ICE restart before starting over. */
export const FAILED_GRACE_MS = 3_000;

/**
 * Whether a watched link should be replaced by a fresh one (a new hello). An answered link that is still
 * connecting is left alone until STUCK_MS: saying hello again would make the far end drop the half-made
 * link and start over, and on a slow machine (ICE and DTLS taking seconds) no link would ever finish.
 */
export function shouldStartOver(w: LinkWatch): boolean {
  if (w.state === 'connected') return false;
  const unanswered = !w.offered && w.now - w.helloAt > HELLO_RETRY_MS;
  const stuck = w.now - w.helloAt > STUCK_MS && (w.downSince === null || w.now - w.downSince > STUCK_MS);
  // `failed` survives an ICE restart only if the far end still has the link; give it a moment, not more.
  const dead = (w.state === 'failed' || w.state === 'closed') && w.downSince !== null && w.now - w.downSince > FAILED_GRACE_MS;
  return unanswered || stuck || dead;
}
