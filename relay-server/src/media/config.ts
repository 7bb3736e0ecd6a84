import { z } from 'zod';

/** A URL template with `{sessionId}` where the session id goes, e.g. `https://media.example/{sessionId}/whip`. */
const UrlTemplate = z
  .string()
  .regex(/^https?:\/\/\S+$/, 'must be an http(s) URL')
  .refine((url) => url.includes('{sessionId}'), 'must contain {sessionId}');

/** The media part of the environment; merged into the relay's EnvSchema (see ../config.ts). */
export const MediaEnv = z.object({
  /** p2p: studio → each viewer; sfu: everything through WHIP/WHEP; auto: WHIP/WHEP for public sessions. */
  MEDIA_MODE: z.enum(['auto', 'p2p', 'sfu']).default('auto'),
  /** An external WHIP/WHEP media server replaces the embedded forwarder when both are set. */
  MEDIA_WHIP_URL: UrlTemplate.optional(),
  MEDIA_WHEP_URL: UrlTemplate.optional(),
  /** Extra host addresses the embedded forwarder offers (comma-separated); loopback by default. */
  MEDIA_HOST_ADDRESSES: z.string().default('127.0.0.1'),
  /** A WHIP/WHEP peer that has not connected after this many ms is dropped. */
  MEDIA_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(20_000),
});

export interface MediaConfig {
  mode: 'auto' | 'p2p' | 'sfu';
  external: { whipUrl: string; whepUrl: string } | undefined;
  hostAddresses: string[];
  connectTimeoutMs: number;
}

export const defaultMediaConfig: MediaConfig = {
  mode: 'auto',
  external: undefined,
  hostAddresses: ['127.0.0.1'],
  connectTimeoutMs: 20_000,
};

export function mediaConfigFrom(env: z.output<typeof MediaEnv>): MediaConfig {
  return {
    mode: env.MEDIA_MODE,
    external: env.MEDIA_WHIP_URL && env.MEDIA_WHEP_URL ? { whipUrl: env.MEDIA_WHIP_URL, whepUrl: env.MEDIA_WHEP_URL } : undefined,
    hostAddresses: env.MEDIA_HOST_ADDRESSES.split(',').map((s) => s.trim()).filter(Boolean),
    connectTimeoutMs: env.MEDIA_CONNECT_TIMEOUT_MS,
  };
}

/**
 * How a session's program reaches viewers: `p2p` (one link per viewer from the studio) or `whip`
 * (one upload to the forwarder or an external media server, viewers play it with WHEP).
 */
export function transportFor(config: MediaConfig, session: { isPublic: boolean }): 'p2p' | 'whip' {
  if (config.mode === 'p2p') return 'p2p';
  if (config.mode === 'sfu') return 'whip';
  return session.isPublic ? 'whip' : 'p2p';
}
