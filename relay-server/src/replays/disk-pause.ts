import type { Logger } from '../core/logger.js';
import type { DiskHealth } from '../hls/service.js';
import { diskProblem } from './files.js';

/** How long a recording whose disk refused a segment drops the next ones before trying a write again. */
export const DISK_RETRY_MS = 5_000;

interface Pause {
  problem: Exclude<DiskHealth, 'ok'>;
  lastTry: number;
  dropped: number;
}

/**
 * Per live, whether its recording is paused because MEDIA_DIR refused a write (full, over quota, read-only,
 * failing). A paused live's segments are dropped, except one every DISK_RETRY_MS, whose write is the test
 * of whether room came back: a success resumes the recording (the replay shows a discontinuity there).
 * Each change is reported once (`report`: the LL-HLS service announces it to the live's room).
 */
export class DiskPauses {
  private readonly paused = new Map<string, Pause>();

  constructor(
    private readonly report: (sessionId: string, health: DiskHealth) => void,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether to write this live's next segment: always while the disk takes them, then once per DISK_RETRY_MS. */
  shouldTry(sessionId: string): boolean {
    const pause = this.paused.get(sessionId);
    if (!pause) return true;
    if (this.now() - pause.lastTry < DISK_RETRY_MS) {
      pause.dropped += 1;
      return false;
    }
    pause.lastTry = this.now();
    return true;
  }

  failed(sessionId: string, err: unknown): void {
    const problem = diskProblem(err);
    const pause = this.paused.get(sessionId);
    if (pause) {
      pause.dropped += 1;
      if (pause.problem !== problem) this.report(sessionId, (pause.problem = problem));
      return;
    }
    this.paused.set(sessionId, { problem, lastTry: this.now(), dropped: 1 });
    this.logger.warn({ err, sessionId }, 'the recording cannot be written to MEDIA_DIR: paused, the live goes on');
    this.report(sessionId, problem);
  }

  succeeded(sessionId: string): void {
    const pause = this.paused.get(sessionId);
    if (!pause) return;
    this.paused.delete(sessionId);
    this.logger.info({ sessionId, droppedSegments: pause.dropped }, 'the recording is written again');
    this.report(sessionId, 'ok');
  }

  /** The live is no longer recorded here: a pause it had is over. */
  forget(sessionId: string): void {
    if (this.paused.delete(sessionId)) this.report(sessionId, 'ok');
  }
}
