import type { ColumnKit } from './kit.js';
import type { sessionTables } from './sessions.js';

/** One recording per live: the host's switch and what became of the kept segments (replays/); its chapters. */
export function recordingTables(k: ColumnKit, { sessions }: ReturnType<typeof sessionTables>) {
  const recordings = k.table(
    'recordings',
    {
      sessionId: k.id('session_id').primaryKey().references(() => sessions.id, { onDelete: 'cascade' }),
      hostId: k.id('host_id').notNull(),
      enabled: k.bool('enabled').notNull(),
      state: k.enum('state', ['off', 'waiting', 'recording', 'processing', 'ready', 'failed']).notNull(),
      durationMs: k.int('duration_ms').notNull(),
      /** Size of the MP4 download (may pass 2 GiB). */
      bytes: k.amount('bytes').notNull(),
      error: k.varchar('error', 500),
      createdAt: k.ms('created_at').notNull(),
      /** Wall-clock time of the first recorded frame: time 0 of the replay. */
      startedAt: k.ms('started_at'),
      /** When the replay was made (ready or failed): retention counts from here. */
      finishedAt: k.ms('finished_at'),
    },
    (t) => [k.index('recordings_state_finished_idx').on(t.state, t.finishedAt), k.index('recordings_host_idx').on(t.hostId, t.createdAt)],
  );
  /** The studio's program scene changes during a live: the replay's chapters (mapped to replay time when it is made). */
  const recordingChapters = k.table(
    'recording_chapters',
    {
      sessionId: k.id('session_id').notNull().references(() => sessions.id, { onDelete: 'cascade' }),
      /** Wall-clock time of the scene change. */
      at: k.ms('at').notNull(),
      title: k.varchar('title', 100).notNull(),
    },
    (t) => [k.primaryKey({ columns: [t.sessionId, t.at] })],
  );
  return { recordings, recordingChapters };
}
