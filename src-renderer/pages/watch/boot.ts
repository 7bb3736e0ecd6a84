/**
 * Evaluated before the rest of the watch page (main.tsx imports it first): asks the relay for the
 * identity, the seat and the media hints, then offers WHEP, while React, zod and the page are still
 * being fetched and evaluated.
 * Keep its imports tiny: everything it imports is evaluated before it runs.
 */
import { t } from '../../shared/i18n/index.js';
import { startEarlyWhep } from '../../shared/media/whip/early-whep.js';
import { prefetchWatch, watchTarget } from './boot-requests.js';
import { earlyWhepPlan } from './early-player.js';

export const target = watchTarget(location);
const replies = prefetchWatch(location.origin, target, t('watch.autoName'));
// The player's WHEP offer too, once those replies say it will play WHEP: its round trip and the
// forwarder's answer then overlap the page's evaluation and first render instead of following them.
/** Settles once the early WHEP offer is on the wire, or once there will be none. */
export const earlyOfferSent: Promise<void> = replies ? startEarlyWhep(replies.then((r) => earlyWhepPlan(r, location))) : Promise.resolve();
