import type { StringKey } from '../../../shared/i18n/index.js';
import type { ConnectionState } from '../../../shared/realtime/index.js';
import type { UploadStatus } from '../../../shared/media/index.js';
import type { HlsHealth } from '../../../../protocol/hls.js';
import type { LivePhase } from '../controller.js';

export type HealthLevel = 'off' | 'ok' | 'warn' | 'bad';

export interface HealthInput {
  phase: LivePhase;
  connection: ConnectionState;
  transport: 'p2p' | 'whip' | null;
  upload: UploadStatus | null;
  bitrateKbps: number;
  fps: number;
  /** Frames the compositor missed in the last second. */
  droppedFrames: number;
  viewers: number;
  durationMs: number;
  /** The live's LL-HLS (viewers past the relay's WebRTC room, or behind a CDN): not `ok` is a warning. */
  hlsHealth?: HlsHealth;
}

export interface Health {
  level: HealthLevel;
  /** One sentence: are viewers receiving the program? */
  headline: StringKey;
  /** Why not, when they are not (or may not be). */
  reason: StringKey | null;
  reasonVars?: Record<string, string | number>;
  /** Viewer counts are only known while the relay link is up; otherwise null (never a stale number). */
  viewers: number | null;
}

/** What the strip says of each trouble of the live's LL-HLS or of its recording. */
const HLS_HEALTH_REASONS: Record<Exclude<HlsHealth, 'ok'>, StringKey> = {
  restarting: 'studio.health.hlsRestarting',
  diskFull: 'studio.health.hlsDiskFull',
  diskError: 'studio.health.hlsDiskError',
};

/** Seconds on air after which an upload that still sends nothing is a problem, not a start-up delay. */
const SILENT_UPLOAD_GRACE_MS = 15_000;

/**
 * What the health strip says, from what the studio measures. Pure, so each case is unit-tested: with the
 * relay down the studio must never claim "Live, 2 viewers".
 */
export function assessHealth(input: HealthInput): Health {
  if (input.phase !== 'live') return { level: 'off', headline: 'studio.health.off', reason: null, viewers: null };
  if (input.connection === 'offline' || input.connection === 'reconnecting' || input.connection === 'connecting') {
    return {
      level: 'bad',
      headline: 'studio.health.notReceiving',
      // Reconnecting means every attempt so far failed: the relay is unreachable until one succeeds.
      reason: input.connection === 'connecting' ? 'studio.health.relayReconnecting' : 'studio.health.relayDown',
      viewers: null,
    };
  }
  if (input.transport === 'whip' && input.upload?.state === 'failed') {
    return {
      level: 'bad',
      headline: 'studio.health.notReceiving',
      reason: 'studio.health.uploadFailed',
      reasonVars: { reason: input.upload.reason ?? 'unavailable' },
      viewers: input.viewers,
    };
  }
  if (input.transport === 'whip' && input.upload?.state !== 'sending') {
    return { level: 'warn', headline: 'studio.health.starting', reason: 'studio.health.uploadConnecting', viewers: input.viewers };
  }
  if (input.transport === 'whip' && input.bitrateKbps === 0 && input.durationMs > SILENT_UPLOAD_GRACE_MS) {
    return { level: 'warn', headline: 'studio.health.mayNotReceive', reason: 'studio.health.nothingSent', viewers: input.viewers };
  }
  if (input.hlsHealth !== undefined && input.hlsHealth !== 'ok') {
    // Viewers still see the live (HLS viewers move to WebRTC while HLS restarts; a full disk pauses only
    // the recording): a warning, not an outage.
    return { level: 'warn', headline: 'studio.health.receiving', reason: HLS_HEALTH_REASONS[input.hlsHealth], viewers: input.viewers };
  }
  if (input.fps > 0 && input.droppedFrames > input.fps / 4) {
    return {
      level: 'warn',
      headline: 'studio.health.receiving',
      reason: 'studio.health.dropping',
      reasonVars: { dropped: input.droppedFrames },
      viewers: input.viewers,
    };
  }
  return { level: 'ok', headline: 'studio.health.receiving', reason: null, viewers: input.viewers };
}
