import type { InsertMessageResult, MessageRecord, MessageRepo, NewMessage } from '../../relay-server/src/storage/types.js';

/**
 * Messages kept in memory only: the "storage off" variant of the benchmark, so the cost of persisting
 * chat can be told apart from the rest of the relay (auth, validation, windows, coalescing, fan-out).
 */
export class MemoryMessages implements MessageRepo {
  private readonly rows: MessageRecord[] = [];
  private readonly byKey = new Map<string, MessageRecord>();
  private seq = 0;

  async insert(message: NewMessage): Promise<InsertMessageResult> {
    const key = message.clientMessageId ? `${message.sessionId}/${message.userId}/${message.clientMessageId}` : null;
    const existing = key ? this.byKey.get(key) : undefined;
    if (existing) return { message: existing, created: false };
    const row: MessageRecord = { ...message, seq: ++this.seq, pinned: false, deletedAt: null };
    this.rows.push(row);
    if (key) this.byKey.set(key, row);
    return { message: row, created: true };
  }
  async findById(id: string) {
    return this.rows.find((r) => r.id === id) ?? null;
  }
  async listAfter(sessionId: string, afterSeq: number, limit: number) {
    return this.live(sessionId).filter((r) => r.seq > afterSeq).slice(0, limit);
  }
  async listBefore(sessionId: string, beforeSeq: number | undefined, limit: number) {
    return this.live(sessionId).filter((r) => beforeSeq === undefined || r.seq < beforeSeq).slice(-limit);
  }
  async listPinned(sessionId: string) {
    return this.live(sessionId).filter((r) => r.pinned);
  }
  async setPinned(id: string, pinned: boolean) {
    const row = await this.findById(id);
    if (row) row.pinned = pinned;
    return row;
  }
  async softDelete(id: string, at: Date) {
    const row = await this.findById(id);
    if (row) row.deletedAt = at;
    return row !== null;
  }
  async listIdsByAuthor(sessionId: string, userId: string) {
    return this.live(sessionId)
      .filter((r) => r.userId === userId)
      .map((r) => r.id);
  }
  async count(sessionId: string) {
    return this.live(sessionId).length;
  }
  async countSince(sessionId: string, since: Date) {
    return this.live(sessionId).filter((r) => r.createdAt >= since).length;
  }
  async countDistinctAuthorsSince(sessionId: string, since: Date) {
    return new Set(this.live(sessionId).filter((r) => r.createdAt >= since).map((r) => r.userId)).size;
  }
  async purgeEndedBefore() {
    return 0;
  }
  private live(sessionId: string): MessageRecord[] {
    return this.rows.filter((r) => r.sessionId === sessionId && !r.deletedAt);
  }
}
