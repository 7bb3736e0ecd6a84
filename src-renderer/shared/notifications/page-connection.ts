import { createRelayConnection, type RelayConnection } from '../realtime/index.js';

let shared: RelayConnection | null = null;

/** One cookie-authenticated socket for a page's header (the bell), opened on first use. */
export function pageConnection(): RelayConnection {
  shared ??= createRelayConnection({ url: location.origin, getToken: () => null });
  return shared;
}
