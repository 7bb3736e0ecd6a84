import type { ModuleContext } from '../../core/module.js';
import { defaultIngestConfig } from '../config.js';
import { RtmpIngestServer } from './server.js';

const rtmpServers = new Map<ModuleContext, { server: RtmpIngestServer; port: number }>();

/** The port RTMP ingest listens on for this relay, or null when it is off (config, no ffmpeg, port taken). */
export function rtmpPortOf(ctx: ModuleContext): number | null {
  return rtmpServers.get(ctx)?.port ?? null;
}

/** RTMP ingest, when configured and ffmpeg is there; a port already in use turns it off with a warning. */
export async function startRtmp(ctx: ModuleContext): Promise<void> {
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
    rtmpServers.set(ctx, { server, port: bound });
    ctx.logger.info(`RTMP ingest on rtmp://${ctx.config.host}:${bound}/live/<stream key>`);
  } catch (err) {
    await server.close().catch(() => undefined);
    ctx.logger.warn(`RTMP ingest turned off: cannot listen on port ${port} (${err instanceof Error ? err.message : String(err)}; set RTMP_PORT)`);
  }
}

export async function stopRtmp(ctx?: ModuleContext): Promise<void> {
  for (const [owner, rtmp] of rtmpServers) {
    if (ctx && owner !== ctx) continue;
    rtmpServers.delete(owner);
    await rtmp.server.close();
  }
}
