import { z } from 'zod';

/** The multistreaming part of the environment; merged into the relay's EnvSchema (see ../config.ts). */
export const DestinationsEnv = z.object({
  /**
   * Encrypts the stream keys of destinations at rest (≥ 32 characters, e.g. `openssl rand -hex 32`); unset,
   * the relay refuses to store destinations. Changing it makes stored keys unreadable (hosts enter them again).
   */
  DESTINATION_KEY_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -hex 32)').optional(),
  /** ms before the first retry of a failed push (doubled after each failure, up to 30 s). */
  DESTINATION_RETRY_BACKOFF: z.coerce.number().int().min(100).max(60_000).default(2_000),
});

export interface DestinationsConfig {
  /** null: destinations cannot be stored on this relay. */
  keySecret: string | null;
  retryBackoffMs: number;
}

export const defaultDestinationsConfig: DestinationsConfig = { keySecret: null, retryBackoffMs: 2_000 };

export function destinationsConfigFrom(env: z.output<typeof DestinationsEnv>): DestinationsConfig {
  return { keySecret: env.DESTINATION_KEY_SECRET ?? null, retryBackoffMs: env.DESTINATION_RETRY_BACKOFF };
}
