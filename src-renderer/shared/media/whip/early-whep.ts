/**
 * A WHEP session started before the player that will own it exists. The watch page's boot module
 * offers as soon as its first replies say the player will play WHEP (pages/watch/early-player.ts),
 * while React, zod and the page are still being fetched and evaluated; the page's WhepProgramPlayer
 * then claims it for its first attempt instead of offering again. No validation library here: the
 * boot module must stay a few kilobytes.
 */
import { completeOffer } from './negotiate.js';
import { deleteResource, postSdp } from './wire.js';

/** An answered WHEP session: the answer is applied, so ICE and DTLS are already under way. */
export interface EarlyWhep {
  pc: RTCPeerConnection;
  resourceUrl: string;
}

export interface EarlyWhepPlan {
  /** The absolute WHEP endpoint, exactly as the player resolves it. */
  whepUrl: string;
  iceServers: RTCIceServer[];
  /** False for an audio-only live: no video m-line, as the player offers. */
  video: boolean;
}

/**
 * A session nobody claimed by then (the page went to LL-HLS, the live ended, the page is still loading
 * on a very slow link) is ended, so it does not hold a seat on the forwarder; the player offers itself.
 */
export const UNCLAIMED_MS = 30_000;

interface Started {
  whepUrl: string;
  session: Promise<EarlyWhep | null>;
}

/** The boot module's offer, from the moment it is planned (before its first reply is in). */
let pending: { started: Promise<Started | null>; claimed: boolean } | null = null;

/**
 * Offers once `plan` resolves to a plan (null: the player will not play WHEP first, nothing starts).
 * Called synchronously by the boot module, so the player can never offer before this is known.
 * Any failure leaves nothing behind, and the player offers as it always did. Resolves once the offer
 * is on the wire, or once nothing will be offered.
 */
export function startEarlyWhep(plan: Promise<EarlyWhepPlan | null>): Promise<void> {
  let offered = (): void => undefined;
  const onTheWire = new Promise<void>((resolve) => (offered = resolve));
  const started = plan.then(
    (p) => (p ? { whepUrl: p.whepUrl, session: negotiate(p, offered).catch(() => null) } : null),
    () => null,
  );
  const entry = { started, claimed: false };
  pending = entry;
  const session = started.then((s) => s?.session ?? null);
  // No plan, or a failure before the offer left, resolves it too.
  void session.finally(offered);
  setTimeout(() => {
    if (entry.claimed) return;
    if (pending === entry) pending = null;
    void session.then((s) => s && endEarlyWhep(s));
  }, UNCLAIMED_MS);
  return onTheWire;
}

/**
 * The early session for `whepUrl`, once: null when none was planned, when the offer failed, or when it
 * went to another endpoint (then it is ended). The caller offers itself on null.
 */
export async function claimEarlyWhep(whepUrl: string): Promise<EarlyWhep | null> {
  const entry = pending;
  if (!entry) return null;
  pending = null;
  entry.claimed = true;
  const started = await entry.started;
  const session = started ? await started.session : null;
  if (session && started?.whepUrl !== whepUrl) {
    endEarlyWhep(session);
    return null;
  }
  return session;
}

async function negotiate({ whepUrl, iceServers, video }: EarlyWhepPlan, offered: () => void): Promise<EarlyWhep> {
  const pc = new RTCPeerConnection({ iceServers, bundlePolicy: 'max-bundle' });
  let resourceUrl: string | null = null;
  try {
    if (video) pc.addTransceiver('video', { direction: 'recvonly' });
    pc.addTransceiver('audio', { direction: 'recvonly' });
    // The identity's cookie authenticates it, as the player's own offer would be.
    const sent = postSdp(whepUrl, await completeOffer(pc), null);
    offered();
    const reply = await sent;
    resourceUrl = reply.resourceUrl;
    if (reply.status !== 201 || !resourceUrl) throw new Error(`early WHEP offer answered ${reply.status}`);
    await pc.setRemoteDescription({ type: 'answer', sdp: reply.text });
    return { pc, resourceUrl };
  } catch (err) {
    endEarlyWhep({ pc, resourceUrl });
    throw err;
  }
}

/** Closes an early session and ends its resource on the server (a player stopped before it took it over). */
export function endEarlyWhep({ pc, resourceUrl }: { pc: RTCPeerConnection; resourceUrl: string | null }): void {
  pc.close();
  if (resourceUrl) void deleteResource(resourceUrl, null);
}
