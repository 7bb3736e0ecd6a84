import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import HLS from 'hls-parser';
import { recordingFiles, writeWhole, type SegmentEntry } from './files.js';

const { MediaPlaylist, Segment, MediaInitializationSection } = HLS.types;

const round = (seconds: number): number => Math.round(seconds * 100_000) / 100_000;

/** The replay's VOD playlist: every recorded segment, its init section, discontinuities, ENDLIST. */
export function vodPlaylist(entries: SegmentEntry[]): string {
  const playlist = new MediaPlaylist({
    version: 7,
    independentSegments: true,
    targetDuration: Math.max(1, Math.ceil(Math.max(...entries.map((e) => e.duration)))),
    mediaSequenceBase: 0,
    playlistType: 'VOD',
    endlist: true,
    segments: entries.map((entry) => new Segment({
      uri: recordingFiles.segment(entry.n),
      duration: round(entry.duration),
      discontinuity: entry.discontinuity,
      map: new MediaInitializationSection({ uri: recordingFiles.init(entry.init) }),
      programDateTime: new Date(entry.pdt),
    })),
  });
  return HLS.stringify(playlist);
}

/** Runs ffmpeg to the end; rejects with its last stderr lines. */
function runFfmpeg(ffmpeg: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpeg, ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err = (err + chunk).slice(-2000)));
    child.once('error', reject);
    child.once('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`ffmpeg ${signal ?? `exited ${code}`}: ${err.trim().split('\n').slice(-2).join(' | ')}`))));
  });
}

/** The recording's packager runs: consecutive segments sharing an init section (a discontinuity starts the next). */
function runsOf(entries: readonly SegmentEntry[]): Array<{ init: number; segments: number[] }> {
  const runs: Array<{ init: number; segments: number[] }> = [];
  for (const entry of entries) {
    const last = runs.at(-1);
    if (last && last.init === entry.init && !entry.discontinuity) last.segments.push(entry.n);
    else runs.push({ init: entry.init, segments: [entry.n] });
  }
  return runs;
}

/**
 * The downloadable MP4: the recorded segments remuxed (`-c copy`, not re-encoded) into one file with its
 * index at the front (`faststart`: plays while downloading). Each packager run is read as one fMP4
 * (`concatf:`: its init section then its segments, byte after byte) and the runs are joined by ffmpeg's
 * concat demuxer, which starts each run where the previous one ended: a gap while the recording was
 * paused (a full disk) or the packager restarted is not a frozen stretch of the MP4, as it is not one of
 * the VOD playlist. Written whole or not at all.
 */
export async function remuxMp4(ffmpeg: string, dir: string, entries: readonly SegmentEntry[]): Promise<number> {
  const tmp = `${recordingFiles.mp4}.tmp`;
  const scriptFile = 'concat.ffconcat.tmp';
  const lists = runsOf(entries).map((run, i) => ({ name: `concat-${i}.txt.tmp`, run }));
  const script = `ffconcat version 1.0\n${lists.map(({ name }) => `file 'concatf:${name}'\n`).join('')}`;
  try {
    for (const { name, run } of lists) {
      await writeWhole(path.join(dir, name), [recordingFiles.init(run.init), ...run.segments.map(recordingFiles.segment)].join('\n') + '\n');
    }
    await writeWhole(path.join(dir, scriptFile), script);
    const input = ['-f', 'concat', '-safe', '0', '-protocol_whitelist', 'file,concatf', '-i', scriptFile];
    await runFfmpeg(ffmpeg, [...input, '-map', '0', '-c', 'copy', '-movflags', '+faststart', '-f', 'mp4', tmp], dir);
    await fs.rename(path.join(dir, tmp), path.join(dir, recordingFiles.mp4));
  } finally {
    // The lists are only ffmpeg's input; a remux that failed (a full disk) gives its room back.
    await Promise.all([...lists.map((l) => l.name), scriptFile, tmp].map((name) => fs.rm(path.join(dir, name), { force: true })));
  }
  return (await fs.stat(path.join(dir, recordingFiles.mp4))).size;
}

/** One frame of the MP4 as a JPEG (at a second in, or the middle of a shorter replay). */
export async function makePoster(ffmpeg: string, dir: string, durationSeconds: number): Promise<void> {
  const tmp = `${recordingFiles.poster}.tmp`;
  const at = Math.min(1, durationSeconds / 2).toFixed(2);
  await runFfmpeg(ffmpeg, ['-ss', at, '-i', recordingFiles.mp4, '-frames:v', '1', '-vf', 'scale=640:-2', '-q:v', '4', '-f', 'mjpeg', tmp], dir);
  await fs.rename(path.join(dir, tmp), path.join(dir, recordingFiles.poster));
}

/** Writes the VOD playlist of `entries` into `dir`. */
export function writeVodPlaylist(dir: string, entries: SegmentEntry[]): Promise<void> {
  return writeWhole(path.join(dir, recordingFiles.playlist), vodPlaylist(entries));
}
