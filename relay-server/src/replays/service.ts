import { promises as fs } from 'node:fs';
import path from 'node:path';
import { replayFileUrl, type PastLive, type Recording, type Replay } from '../../../protocol/replays.js';
import type { Session } from '../../../protocol/sessions.js';
import type { Actor } from '../core/actor.js';
import { AppError, fail } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import { accessSession, requireHost } from '../sessions/access.js';
import type { RecordingRecord, Repositories, SessionRecord } from '../storage/types.js';
import { ChatTimeline, MAX_CHAPTERS } from './chat-timeline.js';
import type { ReplaysConfig } from './config.js';
import { recordingDir, recordingFiles, replayFilePath } from './files.js';
import { defaultRecording, type Recorder } from './recorder.js';

export interface ReplaysServiceDeps {
  repos: Repositories;
  config: ReplaysConfig;
  recorder: Recorder;
  /** The sessions domain's wire view of a session. */
  present: (record: SessionRecord) => Promise<Session>;
  clock: () => Date;
  logger: Logger;
}

const DAY_MS = 24 * 3600_000;
/** Past lives a list shows at most. */
const LIST_LIMIT = 50;
/** Recordings the retention clean-up removes per pass (the next pass takes the rest). */
const CLEANUP_BATCH = 200;

const CONTENT_TYPES: Record<string, string> = {
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.m4s': 'video/iso.segment',
  '.mp4': 'video/mp4',
  '.jpg': 'image/jpeg',
};

/** A replay file to send. */
export interface ReplayFile {
  path: string;
  contentType: string;
  /** Public lives' media may sit in shared caches; private ones only in the viewer's browser. */
  isPublic: boolean;
  /** The MP4 goes down as a file named after the live. */
  downloadName: string | null;
}

/** Recordings as their hosts and viewers see them: switches, replays, past lives, downloads, clean-up. */
export function createReplaysService(deps: ReplaysServiceDeps) {
  const { repos, config } = deps;

  function view(record: RecordingRecord): Recording {
    const expires = record.state === 'ready' && record.finishedAt ? new Date(record.finishedAt.getTime() + config.retentionDays * DAY_MS) : null;
    return {
      sessionId: record.sessionId,
      enabled: record.enabled,
      state: record.state,
      startedAt: record.startedAt?.toISOString() ?? null,
      durationSeconds: record.durationMs / 1000,
      bytes: record.bytes,
      error: record.error,
      expiresAt: expires?.toISOString() ?? null,
    };
  }

  /**
   * The session of a replay, as the caller may see it: anyone for a public live; for a private one only
   * its host and the people who took part (and were not banned). Everyone else: 404, as if it did not exist.
   */
  async function replayAccess(sessionId: string, actor: Actor | null): Promise<SessionRecord> {
    const session = await repos.sessions.findById(sessionId);
    if (!session) throw fail.notFound('Replay');
    if (session.isPublic || actor?.userId === session.hostId) return session;
    if (actor) {
      const [participant, ban] = await Promise.all([repos.participants.find(sessionId, actor.userId), repos.moderation.findBan(sessionId, actor.userId)]);
      if (participant && !ban) return session;
    }
    throw fail.notFound('Replay');
  }

  async function readyRecording(sessionId: string): Promise<RecordingRecord> {
    const recording = await repos.recordings.find(sessionId);
    if (!recording || recording.state === 'off' || recording.state === 'waiting') throw fail.notFound('Replay');
    return recording;
  }

  async function timeline(sessionId: string): Promise<ChatTimeline> {
    const file = path.join(recordingDir(config.mediaDir, sessionId), recordingFiles.chat);
    const text = await fs.readFile(file, 'utf8').catch(() => null);
    let json: unknown = null;
    try {
      json = text === null ? null : JSON.parse(text);
    } catch {
      json = null;
    }
    const parsed = ChatTimeline.safeParse(json);
    return parsed.success ? parsed.data : { messages: [], pins: [], chapters: [] };
  }

  async function hasPoster(sessionId: string): Promise<boolean> {
    const file = path.join(recordingDir(config.mediaDir, sessionId), recordingFiles.poster);
    return fs.stat(file).then(() => true, () => false);
  }

  async function pastLive(record: RecordingRecord, session: SessionRecord): Promise<PastLive> {
    return {
      session: await deps.present(session),
      recording: view(record),
      posterUrl: record.state === 'ready' && (await hasPoster(record.sessionId)) ? replayFileUrl(record.sessionId, recordingFiles.poster) : null,
      downloadUrl: replayFileUrl(record.sessionId, recordingFiles.mp4),
    };
  }

  async function pastLives(records: RecordingRecord[]): Promise<PastLive[]> {
    const out: PastLive[] = [];
    for (const record of records) {
      const session = await repos.sessions.findById(record.sessionId);
      if (session) out.push(await pastLive(record, session));
    }
    return out;
  }

  async function remove(sessionId: string): Promise<void> {
    await deps.recorder.removeFiles(sessionId);
    await repos.recordings.delete(sessionId);
  }

  return {
    /** The host's switch and what was recorded so far (a default view before the live has a row). */
    async recording(actor: Actor | null, sessionId: string): Promise<Recording> {
      const access = await accessSession(repos, sessionId, actor);
      requireHost(access);
      return view((await repos.recordings.find(sessionId)) ?? defaultRecording(access.session, deps.clock()));
    },

    /** Turns recording on or off, before the live or while it runs (what was kept stays). */
    async setEnabled(actor: Actor | null, sessionId: string, enabled: boolean): Promise<Recording> {
      const access = await accessSession(repos, sessionId, actor);
      requireHost(access);
      if (access.session.state === 'ended' || access.session.state === 'ending') {
        throw new AppError('invalid_transition', 'The live is over: recording can no longer be switched');
      }
      const current = await repos.recordings.createIfMissing(defaultRecording(access.session, deps.clock()));
      const state = current.state === 'off' || current.state === 'waiting' ? (enabled ? 'waiting' : 'off') : current.state;
      const updated = await repos.recordings.transition(sessionId, [current.state], { enabled, state });
      // Another request switched it at the same moment: answer with what is stored.
      return view(updated ?? (await repos.recordings.find(sessionId)) ?? current);
    },

    /** The host's studio put the scene `title` on program (`live:scene`): a chapter of the replay. */
    async sceneOnProgram(actor: Actor | null, sessionId: string, title: string): Promise<void> {
      const access = await accessSession(repos, sessionId, actor);
      requireHost(access);
      if (access.session.state !== 'live') throw new AppError('invalid_transition', 'Scene changes are kept only while the live runs');
      if ((await repos.recordings.countChapters(sessionId)) >= MAX_CHAPTERS) return;
      await repos.recordings.addChapter({ sessionId, at: deps.clock(), title });
    },

    /** A replay with its chat, for the replay page. */
    async replay(actor: Actor | null, sessionId: string): Promise<Replay> {
      const session = await replayAccess(sessionId, actor);
      const recording = await readyRecording(sessionId);
      const chat = recording.state === 'ready' ? await timeline(sessionId) : { messages: [], pins: [], chapters: [] };
      return {
        session: await deps.present(session),
        recording: view(recording),
        media: {
          playlistUrl: replayFileUrl(sessionId, recordingFiles.playlist),
          downloadUrl: replayFileUrl(sessionId, recordingFiles.mp4),
          posterUrl: recording.state === 'ready' && (await hasPoster(sessionId)) ? replayFileUrl(sessionId, recordingFiles.poster) : null,
        },
        ...chat,
      };
    },

    /** A file of a ready replay the caller may see; 404 for anything else (names outside the set, unknown, private). */
    async file(actor: Actor | null, sessionId: string, file: string): Promise<ReplayFile> {
      const filePath = replayFilePath(config.mediaDir, sessionId, file);
      if (!filePath) throw fail.notFound('Replay file');
      const session = await replayAccess(sessionId, actor);
      if ((await readyRecording(sessionId)).state !== 'ready') throw fail.notFound('Replay file');
      return {
        path: filePath,
        contentType: CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
        isPublic: session.isPublic,
        downloadName: file === recordingFiles.mp4 ? `afritok-live-${sessionId}.mp4` : null,
      };
    },

    /** The playlist of a public live's ready replay, for /hls of an ended live; null otherwise. */
    async publicReplayUrl(sessionId: string): Promise<string | null> {
      const [session, recording] = await Promise.all([repos.sessions.findById(sessionId), repos.recordings.find(sessionId)]);
      if (!session?.isPublic || session.state !== 'ended' || recording?.state !== 'ready') return null;
      return replayFileUrl(sessionId, recordingFiles.playlist);
    },

    /** The directory's "Past lives": ready replays of public lives, newest first. */
    async publicPastLives(): Promise<PastLive[]> {
      return pastLives(await repos.recordings.listReadyPublic(LIST_LIMIT));
    },

    /** The host's own past lives (ready, being made or failed), newest first. */
    async hostPastLives(actor: Actor | null): Promise<PastLive[]> {
      if (!actor) throw fail.unauthorized();
      return pastLives(await repos.recordings.listByHost(actor.userId, ['processing', 'ready', 'failed'], LIST_LIMIT));
    },

    /** The host deletes a replay: its files, then its row. */
    async delete(actor: Actor | null, sessionId: string): Promise<void> {
      const access = await accessSession(repos, sessionId, actor);
      requireHost(access);
      const recording = await repos.recordings.find(sessionId);
      if (!recording || recording.state === 'off' || recording.state === 'waiting') throw fail.notFound('Replay');
      if (recording.state === 'recording' || recording.state === 'processing') {
        throw new AppError('invalid_transition', 'The replay is still being recorded or made: switch recording off, or delete it once ready');
      }
      await remove(sessionId);
    },

    /** Deletes replays older than REPLAY_RETENTION_DAYS at `now`; returns how many. */
    async cleanUp(now: Date): Promise<number> {
      const cutoff = new Date(now.getTime() - config.retentionDays * DAY_MS);
      const old = await repos.recordings.listFinishedBefore(cutoff, CLEANUP_BATCH);
      for (const recording of old) await remove(recording.sessionId);
      if (old.length > 0) deps.logger.info({ removed: old.length, retentionDays: config.retentionDays }, 'old replays deleted');
      return old.length;
    },
  };
}

export type ReplaysService = ReturnType<typeof createReplaysService>;
