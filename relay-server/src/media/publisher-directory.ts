import { createClient } from 'redis';

/**
 * Which relay node holds each session's publisher, so that a WHEP request reaching another node can be
 * redirected there (the embedded forwarder is per node). Entries expire unless the owner refreshes them.
 */
export interface PublisherDirectory {
  /** This node now holds (or still holds) the session's publisher. */
  claim(sessionId: string): Promise<void>;
  release(sessionId: string): Promise<void>;
  /** Base URL of the node holding the publisher, or null when none (or unknown). */
  owner(sessionId: string): Promise<string | null>;
  close(): Promise<void>;
}

/** One node: the publisher, if any, is always here. */
export const localDirectory: PublisherDirectory = {
  claim: () => Promise.resolve(),
  release: () => Promise.resolve(),
  owner: () => Promise.resolve(null),
  close: () => Promise.resolve(),
};

/** A claim lives this long without a refresh (the media sweep refreshes every 5 s). */
const CLAIM_TTL_SECONDS = 20;
const key = (sessionId: string) => `afritok:media:publisher:${sessionId}`;

/** Shared through Redis (REDIS_URL) by nodes that each know their public URL (PUBLIC_URL). */
export async function redisDirectory(url: string, selfUrl: string, onError: (err: unknown) => void): Promise<PublisherDirectory> {
  const client = createClient({ url });
  client.on('error', onError);
  await client.connect();
  return {
    async claim(sessionId) {
      await client.set(key(sessionId), selfUrl, { EX: CLAIM_TTL_SECONDS });
    },
    async release(sessionId) {
      // Only our own claim: another node may have taken the session's publisher since.
      if ((await client.get(key(sessionId))) === selfUrl) await client.del(key(sessionId));
    },
    async owner(sessionId) {
      return client.get(key(sessionId));
    },
    async close() {
      await client.quit().catch(() => undefined);
    },
  };
}
