import type { RelayModule } from '../core/module.js';
import { defaultIngestConfig } from './config.js';
import type { EncoderPresence } from './encoder-presence.js';
import { mountIngestRoutes } from './routes.js';
import { createIngestService, type IngestService } from './service.js';
import { createRtmpIngest } from './rtmp/running.js';

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
export const ingestModule: RelayModule = {
  name: 'ingest',
  create(ctx) {
    const config = ctx.config.ingest ?? defaultIngestConfig;
    if (config.rtmpPort !== null) ctx.services.get('ffmpeg').need(`RTMP ingest (RTMP_PORT ${config.rtmpPort})`);
    const ingest = createIngestService({
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
    });
    ctx.services.provide('ingest', ingest);
    const rtmp = createRtmpIngest(ctx);
    let sweeper: NodeJS.Timeout | undefined;
    return {
      http: (router) => mountIngestRoutes(router, ctx, rtmp.port),
      async start() {
        await rtmp.start();
        sweeper = setInterval(() => ingest.sweep(), SWEEP_INTERVAL_MS);
        sweeper.unref();
      },
      async close() {
        await rtmp.close();
        clearInterval(sweeper);
        sweeper = undefined;
        ingest.close();
      },
    };
  },
};
