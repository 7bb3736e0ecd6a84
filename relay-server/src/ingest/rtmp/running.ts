import type { ModuleContext } from '../../core/module.js';
import { defaultIngestConfig } from '../config.js';
import { RtmpIngestServer } from './server.js';

export interface RtmpIngest {
  /** RTMP ingest, when configured and ffmpeg is there; a port already in use turns it off with a warning. */
  start(): Promise<void>;
  close(): Promise<void>;
  /** The port RTMP ingest listens on for this relay, or null when it is off (config, no ffmpeg, port taken). */
  port(): number | null;
}

/** The RTMP ingest server of one relay (the ingest module holds it). */
export function createRtmpIngest(ctx: ModuleContext): RtmpIngest {
  let running: { server: RtmpIngestServer; port: number } | null = null;
  return {
    async start() {
      const port = (ctx.config.ingest ?? defaultIngestConfig).rtmpPort;
      const ffmpegPath = ctx.services.get('ffmpeg').path;
      if (port === null || ffmpegPath === null) return;
      const server = new RtmpIngestServer({
        ingest: ctx.services.get('ingest'),
        media: ctx.services.get('media'),
        ffmpegPath,
        log: (message) => ctx.logger.info(message),
      });
      try {
        const bound = await server.listen(port, ctx.config.host);
        running = { server, port: bound };
        ctx.logger.info(`RTMP ingest on rtmp://${ctx.config.host}:${bound}/live/<stream key>`);
      } catch (err) {
        await server.close().catch(() => undefined);
        ctx.logger.warn(`RTMP ingest turned off: cannot listen on port ${port} (${err instanceof Error ? err.message : String(err)}; set RTMP_PORT)`);
      }
    },
    async close() {
      const server = running?.server;
      running = null;
      await server?.close();
    },
    port: () => running?.port ?? null,
  };
}
