import type { VideoSize } from '../media/tap/video-size.js';

/** Output frame rate: constant, so parts hold a whole number of frames (15 per 0.5 s part). */
export const OUTPUT_FPS = 30;

export interface Rung {
  name: string;
  width: number;
  height: number;
  videoBitrate: number;
}

export const AUDIO_BITRATE = 96_000;
const MAX_SHORT_SIDE = 1080;
const LOW_SHORT_SIDE = 360;

const even = (n: number): number => Math.max(2, 2 * Math.round(n / 2));

/** About 0.07 bits per pixel per frame for x264 at this speed, within sane bounds. */
function bitrateFor(width: number, height: number): number {
  return Math.min(6_000_000, Math.max(200_000, Math.round((width * height * OUTPUT_FPS * 0.07) / 1000) * 1000));
}

function scaled(size: VideoSize, shortSide: number): { width: number; height: number } {
  const portrait = size.height > size.width;
  const factor = shortSide / Math.min(size.width, size.height);
  return portrait
    ? { width: even(shortSide), height: even(size.height * factor) }
    : { width: even(size.width * factor), height: even(shortSide) };
}

/**
 * The ABR ladder for a program: its own resolution (at most 1080 on the short side) and 360p, or half
 * the program's size when it is 360p or smaller already. Named by the short side ("720p", "360p").
 */
export function ladderFor(program: VideoSize): Rung[] {
  const short = Math.min(program.width, program.height);
  const top = short > MAX_SHORT_SIDE ? scaled(program, MAX_SHORT_SIDE) : { width: even(program.width), height: even(program.height) };
  const topShort = Math.min(top.width, top.height);
  const low = scaled(top, topShort > LOW_SHORT_SIDE ? LOW_SHORT_SIDE : topShort / 2);
  return [top, low].map(({ width, height }) => ({ name: `${Math.min(width, height)}p`, width, height, videoBitrate: bitrateFor(width, height) }));
}

export interface EncodeOptions {
  segmentSeconds: number;
  partSeconds: number;
  /** Whether the tap carries audio (input 0:a); otherwise silence is generated (input 1). */
  hasAudio: boolean;
  preset: string;
}

/**
 * ffmpeg arguments after the tap input: one decode, a split, one x264 encode per rung with key frames
 * forced on the segment cadence (so GOPs align across renditions), AAC audio, and per rung a fragmented
 * MP4 on its own pipe (fd 3, 4, …): a fragment every part duration and at each key frame.
 */
export function ladderArgs(rungs: Rung[], options: EncodeOptions): string[] {
  const splits = rungs.map((_, i) => `[s${i}]`).join('');
  const scales = rungs.map((rung, i) => `[s${i}]scale=${rung.width}:${rung.height}:force_original_aspect_ratio=decrease,pad=${rung.width}:${rung.height}:-1:-1,setsar=1,format=yuv420p[v${i}]`);
  const graph = [`[0:v:0]fps=${OUTPUT_FPS},split=${rungs.length}${splits}`, ...scales].join(';');
  const silence = options.hasAudio ? [] : ['-f', 'lavfi', '-i', 'anullsrc=channel_layout=stereo:sample_rate=48000'];
  const audio = options.hasAudio ? '0:a:0' : '1:a:0';
  const gop = Math.round(options.segmentSeconds * OUTPUT_FPS);
  const outputs = rungs.flatMap((rung, i) => [
    '-map', `[v${i}]`, '-map', audio,
    '-c:v', 'libx264', '-preset', options.preset, '-tune', 'zerolatency', '-profile:v', 'high', '-threads', '2',
    '-b:v', String(rung.videoBitrate), '-maxrate', String(rung.videoBitrate), '-bufsize', String(rung.videoBitrate),
    '-g', String(gop), '-keyint_min', String(gop), '-sc_threshold', '0',
    '-force_key_frames', `expr:gte(t,n_forced*${options.segmentSeconds})`,
    '-c:a', 'aac', '-b:a', String(AUDIO_BITRATE), '-ac', '2', '-ar', '48000', '-af', 'aresample=async=1000',
    '-f', 'mp4', '-movflags', '+empty_moov+default_base_moof+frag_keyframe',
    // Under the part target: the cut comes at the first frame at or past it (14 frames at 30 fps), and the
    // muxer's last-sample durations wobble by ~10 ms on a busy machine; a part must not exceed PART-TARGET.
    '-frag_duration', String(Math.round(options.partSeconds * 0.9 * 1_000_000)), '-flush_packets', '1',
    `pipe:${3 + i}`,
  ]);
  return [...silence, '-filter_complex', graph, ...outputs];
}
