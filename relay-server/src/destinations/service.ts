import type { LivePushes } from './pushes.js';
import type { DestinationStore } from './store.js';

/** Multistreaming out: the host's destinations (store) and the pushes of their lives on this node. */
export interface DestinationsService {
  store: DestinationStore;
  pushes: LivePushes;
  /** Whether this node can push (ffmpeg found). */
  canPush(): boolean;
}
