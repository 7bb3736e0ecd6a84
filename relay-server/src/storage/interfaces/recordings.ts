/** Recordings of lives (the replays/ feature). */
import type { RecordingState } from '../../../../protocol/replays.js';

export interface RecordingRecord {
  sessionId: string;
  hostId: string;
  /** The host's switch (on by default for public lives). */
  enabled: boolean;
  state: RecordingState;
  durationMs: number;
  /** Size of the MP4 download. */
  bytes: number;
  error: string | null;
  createdAt: Date;
  /** Wall-clock time of the first recorded frame: time 0 of the replay (chat offsets count from it). */
  startedAt: Date | null;
  /** When the replay was made (ready or failed): retention counts from here. */
  finishedAt: Date | null;
}

/** A scene the studio put on program during the live: a chapter of the replay. */
export interface ChapterRecord {
  sessionId: string;
  /** When the scene went on program (wall clock). */
  at: Date;
  title: string;
}

export type RecordingPatch = Partial<Pick<RecordingRecord, 'enabled' | 'state' | 'durationMs' | 'bytes' | 'error' | 'startedAt' | 'finishedAt'>>;

export interface RecordingRepo {
  /** Inserts it, or returns the stored one unchanged when the session already has a recording. */
  createIfMissing(recording: RecordingRecord): Promise<RecordingRecord>;
  find(sessionId: string): Promise<RecordingRecord | null>;
  /**
   * Compare-and-set: applies `patch` only while the recording is in one of `fromStates` (one node
   * claims a live's finishing). Returns the updated record, or null.
   */
  transition(sessionId: string, fromStates: RecordingState[], patch: RecordingPatch): Promise<RecordingRecord | null>;
  /** Recordings in `states`, oldest first. */
  listByState(states: RecordingState[], limit: number): Promise<RecordingRecord[]>;
  /** Ready replays of public lives, newest finished first. */
  listReadyPublic(limit: number): Promise<RecordingRecord[]>;
  /** The host's recordings in `states`, newest first. */
  listByHost(hostId: string, states: RecordingState[], limit: number): Promise<RecordingRecord[]>;
  /** Ready or failed recordings finished before `cutoff` (the retention clean-up). */
  listFinishedBefore(cutoff: Date, limit: number): Promise<RecordingRecord[]>;
  /** False when there was none. */
  delete(sessionId: string): Promise<boolean>;
  /** Keeps a scene change; a second one at the same millisecond replaces the first. */
  addChapter(chapter: ChapterRecord): Promise<void>;
  /** The live's scene changes, oldest first (at most `limit`). */
  listChapters(sessionId: string, limit: number): Promise<ChapterRecord[]>;
  countChapters(sessionId: string): Promise<number>;
}
