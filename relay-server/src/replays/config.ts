import path from 'node:path';
import { z } from 'zod';

/** Recordings and replays; merged into the relay's EnvSchema (see ../config.ts). */
export const ReplaysEnv = z.object({
  /** Where recordings are kept (one folder per live); default `$DATA_DIR/media`. */
  MEDIA_DIR: z.string().min(1).optional(),
  /** Days a replay is kept after its live ended; then the clean-up deletes its files and row. */
  REPLAY_RETENTION_DAYS: z.coerce
    .number({ error: 'must be a whole number of days from 1 to 36500' })
    .int('must be a whole number of days from 1 to 36500')
    .min(1, 'must be a whole number of days from 1 to 36500')
    .max(36_500, 'must be a whole number of days from 1 to 36500')
    .default(30),
});

export interface ReplaysConfig {
  /** Absolute folder holding `recordings/<sessionId>/`. */
  mediaDir: string;
  retentionDays: number;
}

export function replaysConfigFrom(env: z.output<typeof ReplaysEnv>, dataDir: string): ReplaysConfig {
  return { mediaDir: path.resolve(env.MEDIA_DIR ?? path.join(dataDir, 'media')), retentionDays: env.REPLAY_RETENTION_DAYS };
}
