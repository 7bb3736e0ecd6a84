import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm';
import type { Role } from '../../../../protocol/sessions.js';
import type { ParticipantRepo } from '../types.js';
import { participantFromRow, participantPatchToRow, participantToRow } from '../shared/rows.js';
import { affectedRows, type MysqlDb } from './db.js';
import { participants } from './schema/index.js';

export function mysqlParticipants(db: MysqlDb): ParticipantRepo {
  const key = (sessionId: string, userId: string) =>
    and(eq(participants.sessionId, sessionId), eq(participants.userId, userId));
  const current = (sessionId: string, roles?: Role[]) =>
    and(
      eq(participants.sessionId, sessionId),
      isNull(participants.leftAt),
      roles ? inArray(participants.role, roles) : undefined,
    );

  const repo: ParticipantRepo = {
    async upsert(participant) {
      const row = participantToRow(participant);
      const { sessionId: _s, userId: _u, ...rejoin } = row;
      await db
        .insert(participants)
        .values(row)
        .onDuplicateKeyUpdate({ set: rejoin });
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
      const result = await db.update(participants).set(set).where(key(sessionId, userId));
      return affectedRows(result) > 0 ? repo.find(sessionId, userId) : null;
    },
  };
  return repo;
}
