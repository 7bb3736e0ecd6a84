import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { LiveSegment } from '../hls/rendition-window.js';
import { recordingStart } from './chat-timeline.js';
import { INDEX_FILE, readIndex, recordingFiles, removeLeftovers, writeWhole, type SegmentEntry } from './files.js';

/** What the writer reports after each kept segment. */
export interface WrittenSegment {
  entry: SegmentEntry;
  /** Seconds recorded in this folder so far. */
  totalSeconds: number;
}

/**
 * Appends one live's segments to its recording folder, one at a time in arrival order. A segment that
 * does not follow the previous one of the same packager run (a restart of ffmpeg, of the packager or of
 * the relay) starts a new init section and is marked as a discontinuity.
 */
export class SegmentWriter {
  private queue: Promise<unknown> = Promise.resolve();
  private opened = false;
  private nextN = 0;
  private initK = 0;
  private totalSeconds = 0;
  private last: { msn: number; generation: number; run: object } | null = null;
  private closed = false;
  /** Length of the index up to its last complete line. */
  private indexBytes = 0;
  /** The folder's index as written so far (for the replay clock's start while live). */
  private readonly entries: SegmentEntry[] = [];

  constructor(readonly dir: string) {}

  /**
   * Queues `segment` (of packager run `run`, any object identifying that run). Resolves once its file
   * and index line are written; rejects when the disk refused them, leaving neither behind.
   */
  append(segment: LiveSegment, init: Buffer, run: object, arrival: number): Promise<WrittenSegment | null> {
    if (this.closed) return Promise.resolve(null);
    const bytes = Buffer.concat(segment.parts.map((p) => p.bytes));
    const meta = { msn: segment.msn, generation: segment.generation, run, pdt: segment.programDateTime.getTime(), duration: segment.duration, arrival };
    const work = this.queue.then(() => this.write(meta, bytes, init));
    this.queue = work.catch(() => undefined);
    return work;
  }

  /** When the recording's first frame was captured (its time 0), from the segments written so far. */
  get start(): number | null {
    return recordingStart(this.entries);
  }

  /** Stops taking segments and waits for the ones queued. */
  async close(): Promise<void> {
    this.closed = true;
    await this.queue;
  }

  private async open(): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    await removeLeftovers(this.dir);
    const entries = await readIndex(this.dir);
    this.nextN = (entries.at(-1)?.n ?? -1) + 1;
    this.initK = entries.reduce((k, e) => Math.max(k, e.init), 0);
    this.totalSeconds = entries.reduce((sum, e) => sum + e.duration, 0);
    // An open that failed half-way (a full disk) is run again: start from the folder, not on top of it.
    this.entries.splice(0, this.entries.length, ...entries);
    // A line cut short by a crash: the next line must start on its own.
    const index = path.join(this.dir, INDEX_FILE);
    const text = await fs.readFile(index, 'utf8').catch(() => '');
    if (text.length > 0 && !text.endsWith('\n')) await fs.appendFile(index, '\n');
    this.indexBytes = await fs.stat(index).then((s) => s.size, () => 0);
    this.opened = true;
  }

  /** Appends the segment's index line; a failed append (a full disk) is cut off so the next line starts clean. */
  private async appendLine(entry: SegmentEntry): Promise<void> {
    const index = path.join(this.dir, INDEX_FILE);
    const line = `${JSON.stringify(entry)}\n`;
    try {
      await fs.appendFile(index, line);
    } catch (err) {
      await fs.truncate(index, this.indexBytes).catch(() => undefined);
      throw err;
    }
    this.indexBytes += Buffer.byteLength(line);
  }

  private async write(meta: { msn: number; generation: number; run: object; pdt: number; duration: number; arrival: number }, bytes: Buffer, init: Buffer): Promise<WrittenSegment> {
    if (!this.opened) await this.open();
    const follows = this.last !== null && this.last.run === meta.run && this.last.generation === meta.generation && this.last.msn + 1 === meta.msn;
    const discontinuity = !follows && this.nextN > 0;
    if (!follows) {
      this.initK += 1;
      await writeWhole(path.join(this.dir, recordingFiles.init(this.initK)), init);
    }
    const entry: SegmentEntry = { n: this.nextN, init: this.initK, duration: meta.duration, discontinuity, pdt: meta.pdt, arrival: meta.arrival, bytes: bytes.length };
    const file = path.join(this.dir, recordingFiles.segment(entry.n));
    await writeWhole(file, bytes);
    try {
      await this.appendLine(entry);
    } catch (err) {
      // Unlisted, it would never be served; removed, its room goes back to the disk.
      await fs.rm(file, { force: true }).catch(() => undefined);
      throw err;
    }
    // Only a kept segment is followed: after one that failed, the next starts a new init and a discontinuity.
    this.last = { msn: meta.msn, generation: meta.generation, run: meta.run };
    this.nextN += 1;
    this.totalSeconds += entry.duration;
    this.entries.push(entry);
    return { entry, totalSeconds: this.totalSeconds };
  }
}
