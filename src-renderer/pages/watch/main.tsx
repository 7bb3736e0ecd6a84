/**
 * `/watch/:sessionId`. The entry is only the boot module: it asks the relay for the viewer's identity,
 * seat and media hints at once, while the page itself (React, zod, the player: most of the JavaScript)
 * is fetched, parsed and evaluated as a second chunk. Those round trips used to wait for all of that
 * (bench webrtc-latency, navigation → first frame).
 */
import { target } from './boot.js';

import('./mount.js')
  .then(({ mountWatchPage }) => mountWatchPage(target))
  .catch((err: unknown) => console.error('the watch page could not load', err));
