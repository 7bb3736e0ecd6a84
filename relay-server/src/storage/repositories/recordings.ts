import { and, asc, count, desc, eq, inArray, isNotNull, lt } from 'drizzle-orm';
import type { RecordingRepo } from '../types.js';
import type { Dialect } from '../dialect.js';
import { isUniqueViolation } from '../shared/errors.js';
import { recordingFromRow, recordingPatchToRow, recordingToRow, toDate, toMs } from '../shared/rows.js';

export function recordingsRepo(d: Dialect): RecordingRepo {
  const { db } = d;
  const { recordings, recordingChapters, sessions } = d.t;

  async function find(sessionId: string) {
    const [row] = await db.select().from(recordings).where(eq(recordings.sessionId, sessionId));
    return row ? recordingFromRow(row) : null;
  }

  return {
    async createIfMissing(recording) {
      try {
        await db.insert(recordings).values(recordingToRow(recording));
        return recording;
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        const stored = await find(recording.sessionId);
        if (!stored) throw err;
        return stored;
      }
    },
    find,
    async transition(sessionId, fromStates, patch) {
      const where = and(eq(recordings.sessionId, sessionId), inArray(recordings.state, fromStates));
      if ((await d.update(recordings, recordingPatchToRow(patch), where)) === 0) return null;
      return find(sessionId);
    },
    async listByState(states, limit) {
      const rows = await db.select().from(recordings).where(inArray(recordings.state, states)).orderBy(asc(recordings.createdAt)).limit(limit);
      return rows.map(recordingFromRow);
    },
    async listReadyPublic(limit) {
      const rows = await db
        .select({ r: recordings })
        .from(recordings)
        .innerJoin(sessions, eq(sessions.id, recordings.sessionId))
        .where(and(eq(recordings.state, 'ready'), eq(sessions.isPublic, true)))
        .orderBy(desc(recordings.finishedAt))
        .limit(limit);
      return rows.map((row) => recordingFromRow(row.r));
    },
    async listByHost(hostId, states, limit) {
      const rows = await db
        .select()
        .from(recordings)
        .where(and(eq(recordings.hostId, hostId), inArray(recordings.state, states)))
        .orderBy(desc(recordings.createdAt))
        .limit(limit);
      return rows.map(recordingFromRow);
    },
    async listFinishedBefore(cutoff, limit) {
      const rows = await db
        .select()
        .from(recordings)
        .where(and(inArray(recordings.state, ['ready', 'failed']), isNotNull(recordings.finishedAt), lt(recordings.finishedAt, cutoff.getTime())))
        .orderBy(asc(recordings.finishedAt))
        .limit(limit);
      return rows.map(recordingFromRow);
    },
    async delete(sessionId) {
      return (await d.delete(recordings, eq(recordings.sessionId, sessionId))) > 0;
    },
    async addChapter({ sessionId, at, title }) {
      await d.upsert(recordingChapters, { sessionId, at: toMs(at), title }, [recordingChapters.sessionId, recordingChapters.at], { title });
    },
    async listChapters(sessionId, limit) {
      const rows = await db.select().from(recordingChapters).where(eq(recordingChapters.sessionId, sessionId)).orderBy(asc(recordingChapters.at)).limit(limit);
      return rows.map((row) => ({ ...row, at: toDate(row.at) }));
    },
    async countChapters(sessionId) {
      const [row] = await db.select({ n: count() }).from(recordingChapters).where(eq(recordingChapters.sessionId, sessionId));
      return row?.n ?? 0;
    },
  };
}
