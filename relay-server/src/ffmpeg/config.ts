import { z } from 'zod';

/** The ffmpeg part of the environment; merged into the relay's EnvSchema (see ../config.ts). */
export const FfmpegEnv = z.object({
  /** The ffmpeg executable (Debian/Ubuntu: `apt-get install ffmpeg`); `off` turns every feature that needs it off. */
  FFMPEG_PATH: z.string().min(1).default('ffmpeg'),
});

export interface FfmpegConfig {
  /** null: ffmpeg features are off by configuration. */
  path: string | null;
}

export const defaultFfmpegConfig: FfmpegConfig = { path: 'ffmpeg' };

export function ffmpegConfigFrom(env: z.output<typeof FfmpegEnv>): FfmpegConfig {
  return { path: env.FFMPEG_PATH === 'off' ? null : env.FFMPEG_PATH };
}
