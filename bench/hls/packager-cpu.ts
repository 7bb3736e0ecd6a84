/**
 * Packager CPU for one publisher codec: the live's ffmpeg (decode, 30 fps, two x264 rungs + AAC) over a
 * window, after its first parts. Its pids are the ffmpeg processes under the relay that appeared with
 * this live, so another live's packager is never counted.
 */
import { cpuSeconds, descendantsNamed } from '../sfu/cpu.js';
import { sleep, startLive, type HlsLive, type PublishedCodec, type Rig } from './live.js';

export interface PackagerCpu {
  codec: PublishedCodec;
  renditions: string[];
  seconds: number;
  /** % of one core. */
  ffmpegCpuPercent: number;
  relayCpuPercent: number;
}

/** x264's look-ahead and rate control settle after the first segments. */
const SETTLE_MS = 4_000;

/** Starts a `codec` live and measures its packager; the live keeps running (the caller stops it). */
export async function measurePackager(rig: Rig, codec: PublishedCodec, windowMs: number): Promise<{ live: HlsLive; cpu: PackagerCpu }> {
  const existing = new Set(descendantsNamed(process.pid, 'ffmpeg'));
  const live = await startLive(rig, codec);
  try {
    await sleep(SETTLE_MS);
    const pids = descendantsNamed(process.pid, 'ffmpeg').filter((p) => !existing.has(p));
    if (pids.length === 0) throw new Error(`no packager ffmpeg for the ${codec} live`);
    const cpu = () => pids.reduce((s, p) => s + cpuSeconds(p), 0);
    const before = { at: performance.now(), ffmpeg: cpu(), relay: cpuSeconds(process.pid) };
    await sleep(windowMs);
    const seconds = (performance.now() - before.at) / 1000;
    const percent = (delta: number) => Math.round((1000 * delta) / seconds) / 10;
    return {
      live,
      cpu: {
        codec,
        renditions: live.renditions,
        seconds: Math.round(seconds * 10) / 10,
        ffmpegCpuPercent: percent(cpu() - before.ffmpeg),
        relayCpuPercent: percent(cpuSeconds(process.pid) - before.relay),
      },
    };
  } catch (err) {
    await live.stop();
    throw err;
  }
}
