import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Logger } from '../core/logger.js';
import type { RelayIo } from './on-event.js';

export interface RedisLink {
  /** A command connection, also used for shared state (token revocations). */
  client: ReturnType<typeof createClient>;
  close(): Promise<void>;
}

/**
 * With REDIS_URL, rooms span every relay node: broadcasts, fetchSockets, socketsLeave and
 * disconnectSockets go through Redis pub/sub.
 */
export async function attachRedisAdapter(io: RelayIo, url: string, logger: Logger): Promise<RedisLink> {
  const pub = createClient({ url });
  const sub = pub.duplicate();
  for (const client of [pub, sub]) client.on('error', (err: unknown) => logger.error({ err }, 'redis connection error'));
  await Promise.all([pub.connect(), sub.connect()]);
  io.adapter(createAdapter(pub, sub));
  return {
    client: pub,
    async close() {
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
}
