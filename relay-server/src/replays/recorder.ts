import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Clock } from '../core/ports.js';
import type { Logger } from '../core/logger.js';
import type { HlsService } from '../hls/service.js';
import type { LiveSegment } from '../hls/rendition-window.js';
import type { MediaService } from '../media/service.js';
import type { RecordingRecord, Repositories, SessionRecord } from '../storage/types.js';
import { chatTimeline, recordingStart } from './chat-timeline.js';
import { DiskPauses } from './disk-pause.js';
import { diskProblem, readIndex, recordingDir, recordingFiles, removeLeftovers, writeWhole } from './files.js';
import { ReplaysWaitingForRoom, roomForReplay, WAITING_FOR_ROOM } from './room.js';
import { SegmentWriter } from './segment-writer.js';
import { makePoster, remuxMp4, writeVodPlaylist } from './vod.js';

export interface RecorderDeps {
  repos: Repositories;
  mediaDir: string;
  hls: () => HlsService;
  media: () => MediaService;
  /** The ffmpeg to remux with; null: no recording (the packager needs it too). */
  ffmpeg: () => string | null;
  clock: Clock;
  logger: Logger;
}

/** Recordings a sync looks at, at most, per state. */
const SCAN_LIMIT = 500;

/** A new live's recording: on for public lives, off for private ones until the host turns it on. */
export function defaultRecording(session: SessionRecord, now: Date): RecordingRecord {
  return {
    sessionId: session.id,
    hostId: session.hostId,
    enabled: session.isPublic,
    state: session.isPublic ? 'waiting' : 'off',
    durationMs: 0,
    bytes: 0,
    error: null,
    createdAt: now,
    startedAt: null,
    finishedAt: null,
  };
}

/**
 * Keeps the segments of recorded lives whose publisher is on this node (the top rendition of the LL-HLS
 * packager, which stays running for them), and turns each ended live's segments into its replay: VOD
 * playlist, MP4, poster and the chat as it will be replayed. Driven by `sync()` once a second; state in
 * the `recordings` table, so a relay killed mid-live finishes the replay after its restart.
 */
export function createRecorder(deps: RecorderDeps) {
  const { repos, logger } = deps;
  /** Lives whose segments are kept now. */
  const active = new Set<string>();
  const writers = new Map<string, SegmentWriter>();
  const finishing = new Set<string>();
  const waitingForRoom = new ReplaysWaitingForRoom();
  const diskPauses = new DiskPauses((sessionId, health) => deps.hls().reportDisk(sessionId, health), logger);

  const dirOf = (sessionId: string) => recordingDir(deps.mediaDir, sessionId);

  function writerOf(sessionId: string): SegmentWriter {
    let writer = writers.get(sessionId);
    if (!writer) {
      writer = new SegmentWriter(dirOf(sessionId));
      writers.set(sessionId, writer);
    }
    return writer;
  }

  /** Called by the LL-HLS packager for every complete segment of every rendition. */
  function onSegment(sessionId: string, rendition: string, segment: LiveSegment, init: Buffer): void {
    if (!active.has(sessionId)) return;
    const packager = deps.hls().packager(sessionId);
    // The replay keeps the top rung only: the program's own size.
    if (!packager || packager.renditions[0]?.name !== rendition) return;
    if (!diskPauses.shouldTry(sessionId)) return;
    const writer = writerOf(sessionId);
    writer
      .append(segment, init, packager, Date.now())
      .then(
        (written) => {
          if (written) diskPauses.succeeded(sessionId);
          return written;
        },
        (err: unknown) => {
          // A full or failing MEDIA_DIR pauses the recording, not the live: nothing of this segment stays.
          diskPauses.failed(sessionId, err);
          return null;
        },
      )
      .then(async (written) => {
        if (!written) return;
        const start = writer.start;
        await repos.recordings.transition(sessionId, ['waiting', 'recording'], {
          state: 'recording',
          durationMs: Math.round(written.totalSeconds * 1000),
          ...(start === null ? {} : { startedAt: new Date(start) }),
        });
      })
      .catch((err: unknown) => logger.error({ err, sessionId }, 'recording the progress of a live failed'));
  }

  async function recordingOf(session: SessionRecord): Promise<RecordingRecord> {
    return (await repos.recordings.find(session.id)) ?? repos.recordings.createIfMissing(defaultRecording(session, deps.clock()));
  }

  /** Starts or stops keeping the segments of the lives published on this node. */
  async function followLives(): Promise<void> {
    const publishing = new Set(deps.media().publishingSessions());
    for (const sessionId of publishing) {
      const session = await repos.sessions.findById(sessionId);
      if (!session || session.state !== 'live') continue;
      const recording = await recordingOf(session);
      const wanted = recording.enabled && (recording.state === 'waiting' || recording.state === 'recording');
      if (wanted && deps.hls().retain(sessionId, { serve: session.isPublic })) active.add(sessionId);
      else if (!wanted) stopKeeping(sessionId);
    }
    for (const sessionId of active) if (!publishing.has(sessionId)) stopKeeping(sessionId);
  }

  function stopKeeping(sessionId: string): void {
    diskPauses.forget(sessionId);
    if (!active.delete(sessionId)) return;
    deps.hls().release(sessionId);
  }

  /** Makes the replays of lives that ended (and finishes those a crash interrupted). */
  async function finishEnded(): Promise<void> {
    const open = await repos.recordings.listByState(['waiting', 'recording', 'processing'], SCAN_LIMIT);
    for (const recording of open) {
      if (finishing.has(recording.sessionId)) continue;
      const session = await repos.sessions.findById(recording.sessionId);
      if (session && session.state !== 'ended') continue;
      const dir = dirOf(recording.sessionId);
      if (!(await waitingForRoom.mayTry(recording.sessionId, dir, () => readIndex(dir)))) continue;
      void finish(recording, session);
    }
  }

  async function finish(recording: RecordingRecord, session: SessionRecord | null): Promise<void> {
    const { sessionId } = recording;
    finishing.add(sessionId);
    try {
      stopKeeping(sessionId);
      await writers.get(sessionId)?.close();
      writers.delete(sessionId);
      const claimed = recording.state === 'processing' ? recording : await repos.recordings.transition(sessionId, ['waiting', 'recording'], { state: 'processing' });
      if (!claimed) return;
      await makeReplay(sessionId, session);
    } catch (err) {
      if (await lacksRoom(sessionId, err)) return waitForRoom(sessionId, err);
      logger.error({ err, sessionId }, 'making the replay failed');
      const message = err instanceof Error ? err.message : String(err);
      await repos.recordings.transition(sessionId, ['processing'], { state: 'failed', error: message.slice(0, 500), finishedAt: deps.clock() }).catch(() => undefined);
    } finally {
      finishing.delete(sessionId);
    }
  }

  /** Whether making the replay failed for want of room: the disk said so, or it has less free than the replay needs. */
  async function lacksRoom(sessionId: string, err: unknown): Promise<boolean> {
    if (diskProblem(err) === 'diskFull') return true;
    const dir = dirOf(sessionId);
    return !(await roomForReplay(dir, await readIndex(dir)).catch(() => true));
  }

  /** The replay stays `processing` with its segments, saying why, and is made once MEDIA_DIR has room. */
  async function waitForRoom(sessionId: string, err: unknown): Promise<void> {
    waitingForRoom.wait(sessionId);
    logger.warn({ err, sessionId }, 'no room on MEDIA_DIR to make the replay: kept, tried again when there is room');
    await repos.recordings.transition(sessionId, ['processing'], { error: WAITING_FOR_ROOM }).catch(() => undefined);
  }

  async function makeReplay(sessionId: string, session: SessionRecord | null): Promise<void> {
    const dir = dirOf(sessionId);
    await removeLeftovers(dir);
    const entries = await readIndex(dir);
    if (entries.length === 0) {
      // A show that never went live leaves nothing behind; a live without a picture says why.
      if (!session?.startedAt) await repos.recordings.delete(sessionId);
      else await repos.recordings.transition(sessionId, ['processing'], { state: 'failed', error: 'Nothing was recorded: no picture reached the relay', finishedAt: deps.clock() });
      return;
    }
    const ffmpeg = deps.ffmpeg();
    if (!ffmpeg) throw new Error('ffmpeg is not available to make the MP4');
    await writeVodPlaylist(dir, entries);
    const bytes = await remuxMp4(ffmpeg, dir, entries);
    const durationSeconds = entries.reduce((sum, e) => sum + e.duration, 0);
    await makePoster(ffmpeg, dir, durationSeconds).catch((err: unknown) => logger.warn({ err, sessionId }, 'no poster for this replay'));
    await writeWhole(path.join(dir, recordingFiles.chat), JSON.stringify(await chatTimeline(repos, sessionId, entries)));
    await repos.recordings.transition(sessionId, ['processing'], {
      state: 'ready',
      durationMs: Math.round(durationSeconds * 1000),
      bytes,
      error: null,
      startedAt: new Date(recordingStart(entries) ?? deps.clock().getTime()),
      finishedAt: deps.clock(),
    });
    waitingForRoom.forget(sessionId);
    logger.info({ sessionId, seconds: Math.round(durationSeconds), bytes }, 'replay ready');
  }

  return {
    onSegment,

    async sync(): Promise<void> {
      if (deps.ffmpeg() === null) return;
      await followLives();
      await finishEnded();
    },

    /** Whether this live's segments are being kept now. */
    isKeeping: (sessionId: string) => active.has(sessionId),

    /** Waits for the replay of `sessionId` to be made if it is being made now (tests, shutdown). */
    async settled(sessionId: string): Promise<void> {
      while (finishing.has(sessionId)) await new Promise((resolve) => setTimeout(resolve, 50));
    },

    /** Deletes a recording's files (the row is the caller's). */
    async removeFiles(sessionId: string): Promise<void> {
      await fs.rm(dirOf(sessionId), { recursive: true, force: true });
    },

    async close(): Promise<void> {
      for (const sessionId of [...active]) stopKeeping(sessionId);
      await Promise.all([...writers.values()].map((w) => w.close()));
      writers.clear();
    },
  };
}

export type Recorder = ReturnType<typeof createRecorder>;
