/**
 * How long what every joiner of a session is sent alike (session record, stage roster, chat history)
 * may be reused when nothing was broadcast to the room meanwhile. Short: it only has to span a join
 * storm's burst, and it bounds how stale anything that is never broadcast (a host's new display name) can be.
 */
export const JOIN_CACHE_TTL_MS = 250;
