import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm';
import type { Role } from '../../../../protocol/sessions.js';
import type { ParticipantRepo } from '../types.js';
import type { Dialect } from '../dialect.js';
import { participantFromRow, participantPatchToRow, participantToRow } from '../shared/rows.js';

export function participantsRepo(d: Dialect): ParticipantRepo {
  const { db } = d;
  const { participants } = d.t;
  const key = (sessionId: string, userId: string) =>
    and(eq(participants.sessionId, sessionId), eq(participants.userId, userId));
  const current = (sessionId: string, roles?: readonly Role[]) =>
    and(
      eq(participants.sessionId, sessionId),
      isNull(participants.leftAt),
      roles ? inArray(participants.role, [...roles]) : undefined,
    );

  const repo: ParticipantRepo = {
    async upsert(participant) {
      const row = participantToRow(participant);
      const { sessionId: _s, userId: _u, ...rejoin } = row;
      await d.upsert(participants, row, [participants.sessionId, participants.userId], rejoin);
      return participant;
    },
    async find(sessionId, userId) {
      const [row] = await db.select().from(participants).where(key(sessionId, userId));
      return row ? participantFromRow(row) : null;
    },
    async list(sessionId, roles) {
      if (roles?.length === 0) return [];
      const rows = await db
        .select()
        .from(participants)
        .where(current(sessionId, roles))
        .orderBy(asc(participants.joinedAt), asc(participants.userId));
      return rows.map(participantFromRow);
    },
    async count(sessionId, roles) {
      if (roles.length === 0) return 0;
      const [row] = await db.select({ n: count() }).from(participants).where(current(sessionId, roles));
      return row?.n ?? 0;
    },
    async update(sessionId, userId, patch) {
      const set = participantPatchToRow(patch);
      if (Object.keys(set).length === 0) return repo.find(sessionId, userId);
      const row = await d.updateThenRead(participants, set, key(sessionId, userId), key(sessionId, userId));
      return row ? participantFromRow(row) : null;
    },
  };
  return repo;
}
