import { and, asc, count, countDistinct, desc, eq, gt, gte, inArray, isNull, lt } from 'drizzle-orm';
import { DuplicateKeyError, type MessageRepo } from '../types.js';
import type { Dialect } from '../dialect.js';
import { isUniqueViolation } from '../shared/errors.js';
import { messageFromRow, newMessageToRow, toMs } from '../shared/rows.js';

export function messagesRepo(d: Dialect): MessageRepo {
  const { db } = d;
  const { messages, sessions } = d.t;
  const visible = (sessionId: string) => and(eq(messages.sessionId, sessionId), isNull(messages.deletedAt));

  /** The stored message a retried send collided with, if that is what the conflict was. */
  async function findRetried(sessionId: string, userId: string, clientMessageId: string | null) {
    if (clientMessageId === null) return null;
    const [row] = await d.forUpdate(
      db
        .select()
        .from(messages)
        .where(
          and(eq(messages.sessionId, sessionId), eq(messages.userId, userId), eq(messages.clientMessageId, clientMessageId)),
        ),
    );
    return row ? messageFromRow(row) : null;
  }

  return {
    // Insert first and look up only on conflict: a select-then-insert would race.
    async insert(message) {
      try {
        const row = newMessageToRow(message);
        const seq = await d.insertSerial(messages, row);
        return { message: messageFromRow({ ...row, seq, pinned: false, deletedAt: null }), created: true };
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        const stored = await findRetried(message.sessionId, message.userId, message.clientMessageId);
        if (!stored) throw new DuplicateKeyError('message_id');
        return { message: stored, created: false };
      }
    },
    async findById(id) {
      const [row] = await db.select().from(messages).where(eq(messages.id, id));
      return row ? messageFromRow(row) : null;
    },
    async listAfter(sessionId, afterSeq, limit) {
      const rows = await db
        .select()
        .from(messages)
        .where(and(visible(sessionId), gt(messages.seq, afterSeq)))
        .orderBy(asc(messages.seq))
        .limit(limit);
      return rows.map(messageFromRow);
    },
    async listBefore(sessionId, beforeSeq, limit) {
      const rows = await db
        .select()
        .from(messages)
        .where(and(visible(sessionId), beforeSeq === undefined ? undefined : lt(messages.seq, beforeSeq)))
        .orderBy(desc(messages.seq))
        .limit(limit);
      return rows.reverse().map(messageFromRow);
    },
    async listPinned(sessionId) {
      const rows = await db
        .select()
        .from(messages)
        .where(and(visible(sessionId), eq(messages.pinned, true)))
        .orderBy(asc(messages.seq));
      return rows.map(messageFromRow);
    },
    async setPinned(id, pinned) {
      const row = await d.updateThenRead(messages, { pinned }, eq(messages.id, id), eq(messages.id, id));
      return row ? messageFromRow(row) : null;
    },
    async softDelete(id, at) {
      const changed = await d.update(
        messages,
        { deletedAt: toMs(at), pinned: false },
        and(eq(messages.id, id), isNull(messages.deletedAt)),
      );
      return changed > 0;
    },
    async listIdsByAuthor(sessionId, userId) {
      const rows = await db
        .select({ id: messages.id })
        .from(messages)
        .where(and(visible(sessionId), eq(messages.userId, userId)))
        .orderBy(asc(messages.seq));
      return rows.map((r) => r.id);
    },
    async count(sessionId) {
      const [row] = await db.select({ n: count() }).from(messages).where(visible(sessionId));
      return row?.n ?? 0;
    },
    async countSince(sessionId, since) {
      const [row] = await db
        .select({ n: count() })
        .from(messages)
        .where(and(visible(sessionId), gte(messages.createdAt, toMs(since))));
      return row?.n ?? 0;
    },
    async countDistinctAuthorsSince(sessionId, since) {
      const [row] = await db
        .select({ n: countDistinct(messages.userId) })
        .from(messages)
        .where(and(visible(sessionId), eq(messages.type, 'text'), gte(messages.createdAt, toMs(since))));
      return row?.n ?? 0;
    },
    async purgeEndedBefore(cutoff) {
      const ended = db.select({ id: sessions.id }).from(sessions).where(eq(sessions.state, 'ended'));
      return d.delete(messages, and(lt(messages.createdAt, toMs(cutoff)), inArray(messages.sessionId, ended)));
    },
  };
}
