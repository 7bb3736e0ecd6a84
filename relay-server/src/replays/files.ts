import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { REPLAY_FILE } from '../../../protocol/replays.js';
import type { DiskHealth } from '../hls/service.js';

/**
 * A recording's folder, `<MEDIA_DIR>/recordings/<sessionId>/`:
 * - `init-<k>.mp4`: the init section of the k-th packager run (a new one after each restart);
 * - `seg-<n>.m4s`: the n-th recorded segment (moof + mdat fragments of one 2 s segment);
 * - `segments.jsonl`: one line per segment, appended once its file is complete (the index);
 * - after the live: `replay.m3u8` (VOD), `replay.mp4` (download), `poster.jpg`, `chat.json`.
 * Every file is written to a `.tmp` name and renamed when whole, and a segment's line is appended only
 * after its file is renamed: a crash leaves at most a stray `.tmp` or a partial last line, both ignored,
 * so no truncated file is ever listed or served.
 */
export const SegmentEntry = z.object({
  n: z.number().int().min(0),
  init: z.number().int().min(1),
  duration: z.number().positive(),
  discontinuity: z.boolean(),
  /** PROGRAM-DATE-TIME of its first frame, ms since the epoch (the live playlist's estimate). */
  pdt: z.number(),
  /** When the segment was complete in the relay, ms since the epoch (the replay's clock is built from these). */
  arrival: z.number(),
  bytes: z.number().int().positive(),
});
export type SegmentEntry = z.infer<typeof SegmentEntry>;

export const INDEX_FILE = 'segments.jsonl';
export const recordingFiles = {
  init: (k: number) => `init-${k}.mp4`,
  segment: (n: number) => `seg-${n}.m4s`,
  playlist: 'replay.m3u8',
  mp4: 'replay.mp4',
  poster: 'poster.jpg',
  chat: 'chat.json',
};

/** Session ids the relay makes are UUIDs; anything else never becomes a path. */
const SAFE_ID = /^[A-Za-z0-9-]{1,64}$/;

export function recordingDir(mediaDir: string, sessionId: string): string {
  if (!SAFE_ID.test(sessionId)) throw new Error(`unsafe session id for a path: ${JSON.stringify(sessionId)}`);
  return path.join(mediaDir, 'recordings', sessionId);
}

/** The path of a replay file a client asked for, or null when the name is not one of a replay's files. */
export function replayFilePath(mediaDir: string, sessionId: string, file: string): string | null {
  if (!SAFE_ID.test(sessionId) || !REPLAY_FILE.test(file)) return null;
  return path.join(recordingDir(mediaDir, sessionId), file);
}

/**
 * Writes `bytes` whole or not at all (temporary name, then rename). A failed write (a full disk) removes
 * what it wrote: the room goes back to the disk and nothing half-written stays behind.
 */
export async function writeWhole(file: string, bytes: Buffer | string): Promise<void> {
  const tmp = `${file}.tmp`;
  try {
    await fs.writeFile(tmp, bytes);
  } catch (err) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
  await fs.rename(tmp, file);
}

/** What a failed write says of the disk: no room left (ENOSPC, or the quota: EDQUOT), or another refusal. */
export function diskProblem(err: unknown): Exclude<DiskHealth, 'ok'> {
  const code = err instanceof Error && 'code' in err ? err.code : undefined;
  return code === 'ENOSPC' || code === 'EDQUOT' ? 'diskFull' : 'diskError';
}

/**
 * The segments recorded so far: each index line that parses and whose file exists with its size. A
 * partial last line (the relay was killed while appending) or a missing file is left out.
 */
export async function readIndex(dir: string): Promise<SegmentEntry[]> {
  let text: string;
  try {
    text = await fs.readFile(path.join(dir, INDEX_FILE), 'utf8');
  } catch {
    return [];
  }
  const entries: SegmentEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      continue;
    }
    const entry = SegmentEntry.safeParse(parsed);
    if (!entry.success) continue;
    const size = await fs.stat(path.join(dir, recordingFiles.segment(entry.data.n))).then((s) => s.size, () => -1);
    if (size === entry.data.bytes) entries.push(entry.data);
  }
  return entries.sort((a, b) => a.n - b.n);
}

/** Removes `.tmp` leftovers of a crash. */
export async function removeLeftovers(dir: string): Promise<void> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => n.endsWith('.tmp')).map((n) => fs.rm(path.join(dir, n), { force: true })));
}
