import { execFile } from 'node:child_process';

/** The first line of `ffmpeg -version` (e.g. "ffmpeg version 5.1.6-0+deb12u1"), or null when it does not run. */
export function probeFfmpeg(path: string): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(path, ['-hide_banner', '-version'], { timeout: 10_000 }, (err, stdout) => {
      resolve(err ? null : (/^ffmpeg version \S+/.exec(stdout)?.[0] ?? 'ffmpeg'));
    });
  });
}
