import { and, desc, eq, inArray, isNull, ne, or } from 'drizzle-orm';
import type { SessionRepo } from '../types.js';
import type { Dialect } from '../dialect.js';
import { uniqueAs } from '../shared/errors.js';
import { sessionFromRow, sessionPatchToRow, sessionToRow } from '../shared/rows.js';

export function sessionsRepo(d: Dialect): SessionRepo {
  const { db } = d;
  const { sessions, participants } = d.t;
  return {
    async create(session) {
      await uniqueAs('session_id', () => db.insert(sessions).values(sessionToRow(session)));
      return session;
    },
    async findById(id) {
      const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
      return row ? sessionFromRow(row) : null;
    },
    async transition(id, fromStates, patch) {
      if (fromStates.length === 0) return null;
      const set = sessionPatchToRow(patch);
      const where = and(eq(sessions.id, id), inArray(sessions.state, fromStates));
      if (Object.keys(set).length === 0) {
        const [row] = await db.select().from(sessions).where(where);
        return row ? sessionFromRow(row) : null;
      }
      const row = await d.updateThenRead(sessions, set, where, eq(sessions.id, id));
      return row ? sessionFromRow(row) : null;
    },
    async recordViewerPeak(id, count) {
      await d.update(sessions, { peakViewerCount: d.greatest(sessions.peakViewerCount, count) }, eq(sessions.id, id));
    },
    async findOpenByHost(hostId) {
      const [row] = await db
        .select()
        .from(sessions)
        .where(and(eq(sessions.hostId, hostId), ne(sessions.state, 'ended')))
        .orderBy(desc(sessions.createdAt))
        .limit(1);
      return row ? sessionFromRow(row) : null;
    },
    async listByState(states, options = {}) {
      if (states.length === 0) return [];
      const rows = await db
        .select()
        .from(sessions)
        .where(and(inArray(sessions.state, states), options.publicOnly ? eq(sessions.isPublic, true) : undefined))
        .orderBy(desc(sessions.createdAt), desc(sessions.id))
        .limit(options.limit ?? 100);
      return rows.map(sessionFromRow);
    },
    async listOpenForUser(userId) {
      const member = db
        .select({ sessionId: participants.sessionId })
        .from(participants)
        .where(and(eq(participants.userId, userId), isNull(participants.leftAt)));
      const rows = await db
        .select()
        .from(sessions)
        .where(and(ne(sessions.state, 'ended'), or(eq(sessions.hostId, userId), inArray(sessions.id, member))))
        .orderBy(desc(sessions.createdAt), desc(sessions.id));
      return rows.map(sessionFromRow);
    },
    async listByHost(hostId, states, limit) {
      if (states.length === 0) return [];
      const rows = await db
        .select()
        .from(sessions)
        .where(and(eq(sessions.hostId, hostId), inArray(sessions.state, states)))
        .orderBy(desc(sessions.startedAt), desc(sessions.createdAt), desc(sessions.id))
        .limit(limit);
      return rows.map(sessionFromRow);
    },
  };
}
