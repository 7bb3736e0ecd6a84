import type { ModuleContext, RelayModule } from '../core/module.js';
import { defaultIngestConfig } from './config.js';
import type { EncoderPresence } from './encoder-presence.js';
import { mountIngestRoutes } from './routes.js';
import { createIngestService, type IngestService } from './service.js';
import { startRtmp, stopRtmp } from './rtmp/running.js';

declare module '../core/module.js' {
  interface Services {
    /** Stream keys and the encoder ingest address. */
    ingest: IngestService;
    /** Hosts on air through an encoder, counted as present (provided by app.ts, which builds Presence). */
    encoders: EncoderPresence;
  }
}

/** How often encoders that vanished without DELETE are looked for. */
const SWEEP_INTERVAL_MS = 5_000;
const sweepers = new Map<ModuleContext, NodeJS.Timeout>();
export const ingestModule: RelayModule = {
  name: 'ingest',
  init(ctx) {
    const config = ctx.config.ingest ?? defaultIngestConfig;
    if (config.rtmpPort !== null) ctx.services.get('ffmpeg').need(`RTMP ingest (RTMP_PORT ${config.rtmpPort})`);
    ctx.services.provide('ingest', createIngestService({
      repos: ctx.storage,
      clock: ctx.clock,
      sessions: () => ctx.services.get('sessions'),
      media: () => ctx.services.get('media'),
      encoders: ctx.services.get('encoders'),
      reconnectGraceMs: config.reconnectGraceMs,
      async announceRoster(sessionId) {
        const participants = await ctx.services.get('sessions').present.participants(sessionId, false).catch(() => null);
        if (participants) ctx.notifier.toSession(sessionId, 'participants:update', { sessionId, participants });
      },
      onError: (err, what) => ctx.logger.warn({ err }, `ingest: ${what} failed`),
    }));
  },
  http: mountIngestRoutes,
  async start(ctx) {
    await startRtmp(ctx);
    const timer = setInterval(() => ctx.services.get('ingest').sweep(), SWEEP_INTERVAL_MS);
    timer.unref();
    sweepers.set(ctx, timer);
  },
  async stop(ctx?: ModuleContext) {
    await stopRtmp(ctx);
    for (const [owner, timer] of sweepers) {
      if (ctx && owner !== ctx) continue;
      clearInterval(timer);
      owner.services.get('ingest').close();
      sweepers.delete(owner);
    }
  },
};
