import type { RelayModule } from '../core/module.js';
import { defaultFfmpegConfig } from './config.js';
import { probeFfmpeg } from '../media/tap/ffmpeg.js';

/**
 * Whether this node can run ffmpeg, for the features built on it (RTMP ingest, multistreaming, …).
 * Each declares itself with `need(feature)` in its `create`; the probe runs once at start and, when ffmpeg
 * is missing, says in one log line which features it turned off. The relay itself never needs it.
 */
export interface FfmpegService {
  need(feature: string): void;
  /** The executable to spawn, or null when ffmpeg is off or missing (known once the relay started). */
  readonly path: string | null;
}

declare module '../core/module.js' {
  interface Services {
    ffmpeg: FfmpegService;
  }
}

export const ffmpegModule: RelayModule = {
  name: 'ffmpeg',
  create(ctx) {
    const features: string[] = [];
    let path: string | null = null;
    ctx.services.provide('ffmpeg', {
      need: (feature) => void features.push(feature),
      get path() {
        return path;
      },
    });
    return {
      async start() {
        const configured = (ctx.config.ffmpeg ?? defaultFfmpegConfig).path;
        if (features.length === 0) return;
        const version = configured ? await probeFfmpeg(configured) : null;
        if (configured && version) {
          path = configured;
          ctx.logger.info(`${/^ffmpeg version \S+/.exec(version)?.[0] ?? version}: ${features.join(', ')} on`);
          return;
        }
        const why = configured ? `ffmpeg not found (FFMPEG_PATH=${configured}; Debian/Ubuntu: apt-get install ffmpeg)` : 'FFMPEG_PATH=off';
        ctx.logger.warn(`${why}: ${features.join(', ')} turned off`);
      },
    };
  },
};
