import { promises as fs } from 'node:fs';
import type { SegmentEntry } from './files.js';
import { DISK_RETRY_MS } from './disk-pause.js';

/** Room a replay needs beyond its segments' bytes (the MP4 is about their size): playlist, poster, chat. */
const HEADROOM_BYTES = 4 * 1024 * 1024;

/** What the host reads on a replay that waits for room (state `processing`). */
export const WAITING_FOR_ROOM = 'Waiting for room on the relay\u2019s disk (MEDIA_DIR) to make the replay; what was recorded is kept';

/** Whether MEDIA_DIR has room for the replay of these segments now (its MP4 is a copy of them). */
export async function roomForReplay(dir: string, entries: readonly SegmentEntry[]): Promise<boolean> {
  const needed = entries.reduce((sum, e) => sum + e.bytes, HEADROOM_BYTES);
  const stats = await fs.statfs(dir);
  return stats.bavail * stats.bsize >= needed;
}

/**
 * Replays that could not be made for want of room (a live that ended on a full disk): their segments stay,
 * and making the replay is tried again once MEDIA_DIR has room for it, at most once per DISK_RETRY_MS (a
 * quota may refuse what the free space promised). Kept in memory: after a restart the replay, still
 * `processing`, is tried at once.
 */
export class ReplaysWaitingForRoom {
  private readonly lastTry = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  wait(sessionId: string): void {
    this.lastTry.set(sessionId, this.now());
  }

  /** Whether to try this replay now: not waiting, or the retry delay passed and the disk has room. */
  async mayTry(sessionId: string, dir: string, entries: () => Promise<SegmentEntry[]>): Promise<boolean> {
    const last = this.lastTry.get(sessionId);
    if (last === undefined) return true;
    if (this.now() - last < DISK_RETRY_MS) return false;
    if (!(await roomForReplay(dir, await entries()).catch(() => false))) return false;
    this.lastTry.delete(sessionId);
    return true;
  }

  forget(sessionId: string): void {
    this.lastTry.delete(sessionId);
  }
}
