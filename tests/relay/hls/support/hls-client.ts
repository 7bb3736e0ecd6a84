import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Parser } from 'm3u8-parser';
import { z } from 'zod';

const run = promisify(execFile);

/** What m3u8-parser (video.js's parser, independent of our writer) reports, checked with zod. */
const Part = z.object({ duration: z.number(), uri: z.string(), independent: z.boolean().optional() });
const Segment = z.object({
  uri: z.string(),
  duration: z.number(),
  dateTimeObject: z.date().optional(),
  discontinuity: z.boolean().optional(),
  map: z.object({ uri: z.string() }).optional(),
  parts: z.array(Part).optional(),
});
const PreloadHint = z.object({ type: z.string(), uri: z.string() });
export const MediaManifest = z.object({
  targetDuration: z.number(),
  // Both tags are optional in HLS (absent = 0): hls-parser leaves them out of a live's first playlists.
  mediaSequence: z.number().default(0),
  partTargetDuration: z.number(),
  endList: z.boolean().optional(),
  serverControl: z.object({ canBlockReload: z.boolean(), partHoldBack: z.number() }),
  segments: z.array(Segment),
  preloadSegment: z.object({ parts: z.array(Part).optional(), preloadHints: z.array(PreloadHint).optional(), map: z.object({ uri: z.string() }).optional() }).optional(),
  renditionReports: z.array(z.object({ uri: z.string(), lastMsn: z.number(), lastPart: z.number() })).optional(),
  discontinuitySequence: z.number().default(0),
});
export type MediaManifest = z.infer<typeof MediaManifest>;
export const MasterManifest = z.object({
  playlists: z.array(z.object({
    uri: z.string(),
    attributes: z.object({ BANDWIDTH: z.number(), CODECS: z.string(), RESOLUTION: z.object({ width: z.number(), height: z.number() }) }),
  })).min(1),
});

export function parsePlaylist<S extends z.ZodType>(schema: S, text: string): z.output<S> {
  const parser = new Parser();
  parser.push(text);
  parser.end();
  return schema.parse(parser.manifest);
}

/** The preload hint's URI: on the trailing in-progress segment for m3u8-parser. */
export function preloadHintOf(manifest: MediaManifest): string | undefined {
  return manifest.preloadSegment?.preloadHints?.find((h) => h.type === 'PART')?.uri;
}

const FfprobeStreams = z.object({ streams: z.array(z.object({ codec_type: z.string(), codec_name: z.string(), width: z.number().optional(), height: z.number().optional() })) });
const FfprobeFrames = z.object({ frames: z.array(z.object({ key_frame: z.number(), pict_type: z.string().optional(), pts_time: z.string().optional() })) });

/** ffprobe's streams of a file (init + segment concatenated). */
export async function probeStreams(file: string): Promise<z.infer<typeof FfprobeStreams>['streams']> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-show_streams', '-of', 'json', file]);
  return FfprobeStreams.parse(JSON.parse(stdout)).streams;
}

/** The video frames ffprobe decodes from a file, with their key frame flags. */
export async function probeVideoFrames(file: string): Promise<z.infer<typeof FfprobeFrames>['frames']> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'frame=key_frame,pict_type,pts_time', '-of', 'json', file]);
  return FfprobeFrames.parse(JSON.parse(stdout)).frames;
}
