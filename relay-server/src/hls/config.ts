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
  /**
   * The ladder encoder's nice value. 10 by default: on a machine that also forwards WebRTC, x264 at normal
   * priority took the CPU the forwarding needed (bench webrtc-latency: glass-to-glass p95 212 ms, 34 ms at 10).
   * The price: when something else at normal priority saturates every core, LL-HLS falls behind first.
   * 0 when the relay has the machine to itself or other busy programs share it (the e2e suite's browsers).
   */
  HLS_ENCODER_NICENESS: z.coerce.number().int().min(0).max(19).default(10),
});

export interface HlsConfig {
  enabled: boolean;
  publicUrl: string | undefined;
  webrtcViewersPerNode: number;
  maxBlockingPerAddress: number;
  /** Blocking requests on the whole node. */
  maxBlockingTotal: number;
  /** nice value of the ladder's ffmpeg (0–19). */
  encoderNiceness: number;
}

export const defaultHlsConfig: HlsConfig = {
  enabled: true,
  publicUrl: undefined,
  webrtcViewersPerNode: 40,
  maxBlockingPerAddress: 64,
  maxBlockingTotal: 20_000,
  encoderNiceness: 10,
};

export function hlsConfigFrom(env: z.output<typeof HlsEnv>): HlsConfig {
  return {
    ...defaultHlsConfig,
    enabled: env.HLS,
    publicUrl: env.PUBLIC_HLS_URL?.replace(/\/$/, ''),
    webrtcViewersPerNode: env.WEBRTC_VIEWERS_PER_NODE,
    maxBlockingPerAddress: env.HLS_MAX_BLOCKING_PER_ADDRESS,
    encoderNiceness: env.HLS_ENCODER_NICENESS,
  };
}
