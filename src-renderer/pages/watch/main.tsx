/**
 * `/watch/:sessionId`. The entry is only the boot module: it asks the relay for the viewer's identity,
 * seat and media hints at once and offers WHEP, while the page itself (React, zod, the player: most of
 * the JavaScript) is fetched (listed as `modulepreload` in watch.html) and evaluated as a second chunk.
 * Those round trips used to wait for all of that (bench webrtc-latency, navigation → first frame).
 */
import { earlyOfferSent, target } from './boot.js';

/**
 * The page renders once the WHEP offer is on the wire: its first render holds the main thread for a
 * hundred milliseconds or more on a phone, and the offer's steps (offer, ICE candidates, the POST)
 * would each wait behind it. Never longer than this, so a slow relay does not keep the page blank.
 */
const RENDER_WAIT_CAP_MS = 1_000;

const offerOut = Promise.race([earlyOfferSent, new Promise<void>((resolve) => setTimeout(resolve, RENDER_WAIT_CAP_MS))]);
import('./mount.js')
  .then(async ({ mountWatchPage }) => {
    await offerOut;
    mountWatchPage(target);
  })
  .catch((err: unknown) => console.error('the watch page could not load', err));
