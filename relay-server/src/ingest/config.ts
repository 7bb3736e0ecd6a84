import { z } from 'zod';

/** The ingest part of the environment; merged into the relay's EnvSchema (see ../config.ts). */
export const IngestEnv = z.object({
  /** ms a live waits after its encoder's DELETE ("Stop streaming") for the encoder to come back. */
  INGEST_RECONNECT_GRACE: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
});

export interface IngestConfig {
  reconnectGraceMs: number;
}

export const defaultIngestConfig: IngestConfig = { reconnectGraceMs: 30_000 };

export function ingestConfigFrom(env: z.output<typeof IngestEnv>): IngestConfig {
  return { reconnectGraceMs: env.INGEST_RECONNECT_GRACE };
}
