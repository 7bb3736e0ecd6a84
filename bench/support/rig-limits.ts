/**
 * Relay settings for a load rig. Every simulated viewer and sender of a benchmark connects from the one
 * loopback address, so the per-address limits that stop a raid (anonymous viewers per address, pending
 * media peers per address, sign-ups per minute, chat rate) would turn the rig away after the first few
 * dozen clients and the figures would measure the refusals. Only the benchmarks' own relays use these.
 */
export const LOAD_RIG_LIMITS = {
  MAX_LIVE_VIEWERS: '1000000',
  MAX_ANONYMOUS_VIEWERS_PER_ADDRESS: '1000000',
  MAX_PENDING_MEDIA_PEERS: '100000',
  MAX_PENDING_MEDIA_PEERS_PER_ADDRESS: '100000',
  SIGNUP_RATE_PER_MINUTE: '1000000',
  CHAT_RATE_PER_SECOND: '1000',
  CHAT_RATE_BURST: '1000',
} as const;
