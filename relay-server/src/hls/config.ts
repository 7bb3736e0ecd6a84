import { z } from 'zod';

const flag = z.enum(['on', 'off', 'true', 'false', '1', '0']).transform((v) => v === 'on' || v === 'true' || v === '1');

/** The LL-HLS part of the environment; merged into the relay's EnvSchema (see ../config.ts). */
export const HlsEnv = z.object({
  /** LL-HLS for public lives (needs ffmpeg); `off` keeps WebRTC only. */
  HLS: flag.default(true),
  /** Base URL of a CDN in front of the relay's /hls paths (e.g. https://cdn.example.com): viewers fetch media there. */
  PUBLIC_HLS_URL: z.url().optional(),
  /**
   * WebRTC viewers one node serves before new viewers get LL-HLS. Sized from `npm run bench ingest`, whose
   * WHEP subscribers count RTP without decoding (so the figure is the forwarder's, not the viewers'): 1.32 %
   * of a core per viewer of a 1.5 Mbps H.264 live (0.98 % VP8) over a 6.5 % base, so the relay's one thread
   * saturates near 70 viewers; 40 keeps a third of it for chat, signaling and LL-HLS.
   */
  WEBRTC_VIEWERS_PER_NODE: z.coerce.number().int().min(0).max(100_000).default(40),
  /** Blocking playlist/part requests one client address may hold at once (a CDN collapses its own). */
  HLS_MAX_BLOCKING_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(64),
});

export interface HlsConfig {
  enabled: boolean;
  publicUrl: string | undefined;
  webrtcViewersPerNode: number;
  maxBlockingPerAddress: number;
  /** Blocking requests on the whole node. */
  maxBlockingTotal: number;
}

export const defaultHlsConfig: HlsConfig = {
  enabled: true,
  publicUrl: undefined,
  webrtcViewersPerNode: 40,
  maxBlockingPerAddress: 64,
  maxBlockingTotal: 20_000,
};

export function hlsConfigFrom(env: z.output<typeof HlsEnv>): HlsConfig {
  return {
    ...defaultHlsConfig,
    enabled: env.HLS,
    publicUrl: env.PUBLIC_HLS_URL?.replace(/\/$/, ''),
    webrtcViewersPerNode: env.WEBRTC_VIEWERS_PER_NODE,
    maxBlockingPerAddress: env.HLS_MAX_BLOCKING_PER_ADDRESS,
  };
}
