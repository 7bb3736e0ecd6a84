import type { ColumnKit } from './kit.js';
import type { sessionTables } from './sessions.js';

/** One recording per live: the host's switch and what became of the kept segments (replays/). */
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
  return { recordings };
}
