import { z } from 'zod';

/** The ingest part of the environment; merged into the relay's EnvSchema (see ../config.ts). */
export const IngestEnv = z.object({
  /** ms a live waits after its encoder's DELETE ("Stop streaming") for the encoder to come back. */
  INGEST_RECONNECT_GRACE: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  /** TCP port of RTMP ingest (`rtmp://<relay>:<port>/live/<stream key>`); `off` turns it off; 0 picks a free one. */
  RTMP_PORT: z.union([z.literal('off'), z.coerce.number().int().min(0).max(65_535)]).default(1935),
  /** The RTMP address shown to streamers when it differs from the relay's host (a TCP proxy in front), e.g. `rtmp://live.example.com/live`. */
  RTMP_PUBLIC_URL: z.string().regex(/^rtmps?:\/\/\S+$/, 'must be an rtmp:// or rtmps:// URL').optional(),
});

export interface IngestConfig {
  reconnectGraceMs: number;
  /** null: RTMP ingest is off. */
  rtmpPort: number | null;
  rtmpPublicUrl: string | undefined;
}

export const defaultIngestConfig: IngestConfig = { reconnectGraceMs: 30_000, rtmpPort: null, rtmpPublicUrl: undefined };

export function ingestConfigFrom(env: z.output<typeof IngestEnv>): IngestConfig {
  return {
    reconnectGraceMs: env.INGEST_RECONNECT_GRACE,
    rtmpPort: env.RTMP_PORT === 'off' ? null : env.RTMP_PORT,
    rtmpPublicUrl: env.RTMP_PUBLIC_URL?.replace(/\/+$/, ''),
  };
}
