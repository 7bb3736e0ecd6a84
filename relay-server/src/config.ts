import { z } from 'zod';
import os from 'node:os';
import path from 'node:path';
import { IceServer } from '../../protocol/sessions.js';
import { MediaEnv, mediaConfigFrom, type MediaConfig } from './media/config.js';
import { IngestEnv, ingestConfigFrom, type IngestConfig } from './ingest/config.js';
import { FfmpegEnv, ffmpegConfigFrom, type FfmpegConfig } from './ffmpeg/config.js';
import { HlsEnv, hlsConfigFrom, type HlsConfig } from './hls/config.js';
import { ReplaysEnv, replaysConfigFrom, type ReplaysConfig } from './replays/config.js';
import { compileTrust, type TrustProxy } from './http/client-address.js';
import { GiftsEnv, giftsConfigFrom, type GiftsConfig } from './gifts/config.js';
import { DestinationsEnv, destinationsConfigFrom, type DestinationsConfig } from './destinations/config.js';

const int = (min: number, max: number) =>
  z.coerce.number({ error: `must be a whole number from ${min} to ${max}` }).int(`must be a whole number from ${min} to ${max}`).min(min).max(max);
const jsonArray = <T extends z.ZodType>(item: T) =>
  z.string().transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON array' });
      return z.NEVER;
    }
  }).pipe(z.array(item));

function defaultDataDir(): string {
  const base = process.env.XDG_DATA_HOME ?? (process.platform === 'darwin'
    ? path.join(os.homedir(), 'Library', 'Application Support')
    : process.platform === 'win32'
      ? (process.env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'))
      : path.join(os.homedir(), '.local', 'share'));
  return path.join(base, 'afritok-live');
}

const EnvSchema = z.object({
  PORT: int(0, 65535).optional(),
  WEBSOCKET_PORT: int(0, 65535).optional(),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  WEBSOCKET_CORS_ORIGIN: z.string().default(''),
  DATABASE_URL: z
    .string()
    .regex(/^(mysql|file|sqlite):/, 'must start with mysql://, file: or sqlite:')
    .optional(),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  OPERATOR_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
  DATA_DIR: z.string().min(1).optional(),
  MAX_LIVE_PARTICIPANTS: int(2, 100).default(10),
  MAX_LIVE_VIEWERS: int(1, 1_000_000).default(1000),
  MAX_ANONYMOUS_VIEWERS_PER_ADDRESS: int(1, 1_000_000).default(20),
  MAX_PENDING_MEDIA_PEERS: int(1, 100_000).default(200),
  MAX_PENDING_MEDIA_PEERS_PER_ADDRESS: int(1, 100_000).default(20),
  LIVE_SESSION_TIMEOUT: int(1000, 7 * 24 * 3600_000).default(3_600_000),
  MAX_CHAT_MESSAGES: int(10, 1_000_000).default(1000),
  CHAT_MESSAGE_RETENTION: int(1000, 365 * 24 * 3600_000).default(3_600_000),
  CHAT_RATE_PER_SECOND: z.coerce.number().positive().max(1000).default(2),
  CHAT_RATE_BURST: int(1, 1000).default(5),
  SIGNUP_RATE_PER_MINUTE: int(1, 1_000_000).default(30),
  ICE_SERVERS: jsonArray(IceServer).default([]),
  TURN_SECRET: z.string().min(8).optional(),
  TURN_URLS: z.string().optional(),
  TURN_TTL_SECONDS: int(60, 7 * 24 * 3600).default(86_400),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').optional(),
  /** Proxies in front of the relay: unset/false (default), a hop count, or a comma list of proxy addresses/CIDRs. */
  TRUST_PROXY: z
    .string()
    .refine((v) => v.trim() !== 'true', {
      message: 'true would trust the X-Forwarded-For a client writes itself (every per-address limit bypassed): give the number of proxies in front of the relay (e.g. 1) or their addresses/CIDRs',
    })
    .transform((v, ctx) => {
      try {
        return parseTrustProxy(v);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be false, a hop count (1-10) or proxy addresses/CIDRs (e.g. 10.0.0.0/8, loopback)' });
        return z.NEVER;
      }
    })
    .optional(),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** A full garbage collection once quiet after a burst, so RSS comes back down (observability/heap-trim.ts). */
  HEAP_TRIM: z.enum(['on', 'off']).default('on'),
  NODE_ENV: z.string().default('production'),
  ...MediaEnv.shape,
  ...IngestEnv.shape,
  ...GiftsEnv.shape,
  ...FfmpegEnv.shape,
  ...HlsEnv.shape,
  ...DestinationsEnv.shape,
  ...ReplaysEnv.shape,
});

export interface RelayConfig {
  port: number;
  host: string;
  /** Base URL used in invite links; derived from the port when unset. */
  publicUrl: string | undefined;
  corsOrigins: string[];
  database: { kind: 'mysql'; url: string } | { kind: 'sqlite'; url: string };
  jwtSecret: string | undefined;
  /** Grants operator routes (load testing) to whoever sends it as x-operator-token; unset: none. */
  operatorToken?: string | undefined;
  dataDir: string;
  maxLiveParticipants: number;
  maxLiveViewers: number;
  /** Anonymous viewer sockets one client address may hold in one session; past it, pick a name. */
  maxAnonymousViewersPerAddress: number;
  /** WHEP/WHIP peers not connected yet: on the whole node, and per client (address, or account when signed in). */
  maxPendingMediaPeers: { total: number; perClient: number };
  liveSessionTimeoutMs: number;
  maxChatMessages: number;
  chatMessageRetentionMs: number;
  chatRate: { perSecond: number; burst: number };
  /** Account + guest sign-ups per client address: this many at once, refilled at this many a minute. */
  signupRatePerMinute: number;
  iceServers: IceServer[];
  turn: { secret: string; urls: string[]; ttlSeconds: number } | undefined;
  redisUrl: string | undefined;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  /** Whether the relay runs a full collection once quiet after a burst (HEAP_TRIM); off when absent. */
  heapTrim?: boolean;
  /** WHIP/WHEP forwarding (media/config.ts); the defaults when absent. */
  media?: MediaConfig;
  /** Encoder ingest with stream keys (ingest/config.ts); the defaults when absent. */
  ingest?: IngestConfig;
  /** Gift catalogue, creator share and payments (gifts/config.ts); the defaults when absent. */
  gifts?: GiftsConfig;
  /** Where ffmpeg is, for RTMP ingest and multistreaming (ffmpeg/config.ts); the defaults when absent. */
  ffmpeg?: FfmpegConfig;
  /** LL-HLS origin (hls/config.ts); the defaults when absent. */
  hls?: HlsConfig;
  /** Multistreaming destinations (destinations/config.ts); the defaults (no key secret) when absent. */
  destinations?: DestinationsConfig;
  /** Recordings and replays (replays/config.ts); `$DATA_DIR/media` and 30 days when absent. */
  replays?: ReplaysConfig;
  /** Proxies trusted to report the client (off unless TRUST_PROXY says otherwise): decides every client address and req.secure. */
  trustProxy?: TrustProxy;
  /** Bearer token for GET /metrics; when unset, only loopback clients may scrape. */
  metricsToken?: string | undefined;
  /** Serve web pages from this folder (the built renderer); undefined to serve none. */
  webRoot?: string | undefined;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment; throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): RelayConfig {
  // `PORT=` (set but empty, as .env files and compose often leave it) means "unset", not 0 or "".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR ?? defaultDataDir());
  const dbUrl = e.DATABASE_URL ?? `file:${path.join(dataDir, 'afritok.db')}`;
  const corsOrigins = e.WEBSOCKET_CORS_ORIGIN.split(',').map((s) => s.trim()).filter(Boolean);
  // Origins are allowed with credentials (the sign-in cookie): `*` would let any web site act as the
  // signed-in visitor. Fine on a developer's machine, never on a relay people sign in to.
  if (corsOrigins.includes('*') && e.NODE_ENV === 'production') {
    throw new ConfigError(
      'Invalid configuration:\n  WEBSOCKET_CORS_ORIGIN: * would let every web site use the sign-in of anyone who visits it; list the origins of your pages (e.g. https://live.example.org), or set NODE_ENV=development on a test machine',
    );
  }
  if (e.TURN_SECRET && !e.TURN_URLS) throw new ConfigError('Invalid configuration:\n  TURN_URLS: required when TURN_SECRET is set');
  const gifts = giftsConfigFrom(e);
  if (gifts.problems.length > 0) throw new ConfigError(`Invalid configuration:\n${gifts.problems.map((p) => `  ${p}`).join('\n')}`);
  return {
    port: e.PORT ?? e.WEBSOCKET_PORT ?? 3001,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    corsOrigins,
    database: dbUrl.startsWith('mysql:') ? { kind: 'mysql', url: dbUrl } : { kind: 'sqlite', url: dbUrl.replace(/^sqlite:/, 'file:') },
    jwtSecret: e.JWT_SECRET,
    operatorToken: e.OPERATOR_TOKEN,
    dataDir,
    maxLiveParticipants: e.MAX_LIVE_PARTICIPANTS,
    maxLiveViewers: e.MAX_LIVE_VIEWERS,
    maxAnonymousViewersPerAddress: e.MAX_ANONYMOUS_VIEWERS_PER_ADDRESS,
    maxPendingMediaPeers: { total: e.MAX_PENDING_MEDIA_PEERS, perClient: e.MAX_PENDING_MEDIA_PEERS_PER_ADDRESS },
    liveSessionTimeoutMs: e.LIVE_SESSION_TIMEOUT,
    maxChatMessages: e.MAX_CHAT_MESSAGES,
    chatMessageRetentionMs: e.CHAT_MESSAGE_RETENTION,
    chatRate: { perSecond: e.CHAT_RATE_PER_SECOND, burst: e.CHAT_RATE_BURST },
    signupRatePerMinute: e.SIGNUP_RATE_PER_MINUTE,
    iceServers: e.ICE_SERVERS,
    turn: e.TURN_SECRET && e.TURN_URLS
      ? { secret: e.TURN_SECRET, urls: e.TURN_URLS.split(',').map((s) => s.trim()).filter(Boolean), ttlSeconds: e.TURN_TTL_SECONDS }
      : undefined,
    redisUrl: e.REDIS_URL,
    logLevel: e.LOG_LEVEL,
    heapTrim: e.HEAP_TRIM === 'on',
    metricsToken: e.METRICS_TOKEN,
    trustProxy: e.TRUST_PROXY ?? false,
    media: mediaConfigFrom(e),
    ingest: ingestConfigFrom(e),
    gifts: gifts.config,
    ffmpeg: ffmpegConfigFrom(e),
    hls: hlsConfigFrom(e),
    destinations: destinationsConfigFrom(e),
    replays: replaysConfigFrom(e, dataDir),
  };
}

/** A hop count, or addresses/CIDRs/names that proxy-addr accepts (it throws on anything else). */
function parseTrustProxy(value: string): TrustProxy {
  const text = value.trim();
  if (text === 'false') return false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops < 1 || hops > 10) throw new Error('hop count out of range');
    return hops;
  }
  const list = text.split(',').map((s) => s.trim()).filter(Boolean);
  if (list.length === 0) throw new Error('empty');
  compileTrust(list);
  return list;
}
