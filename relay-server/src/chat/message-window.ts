import type { MessageRecord } from '../storage/types.js';

const clientKey = (userId: string, clientMessageId: string): string => `${userId}\u0000${clientMessageId}`;

/**
 * The newest messages of one live session, oldest first, deleted ones left out. Seeded from storage
 * and then appended to, so it always holds every message newer than its oldest one: a join or a
 * resync it covers needs no query.
 */
export class SessionWindow {
  private records: MessageRecord[];
  private readonly byId = new Map<string, MessageRecord>();
  private readonly byClientKey = new Map<string, MessageRecord>();
  lastUsedMs: number;

  constructor(
    private readonly capacity: number,
    seed: MessageRecord[],
    /** True when `seed` is the session's whole history, so fewer than asked still means "all there is". */
    private complete: boolean,
    nowMs: number,
  ) {
    this.records = [...seed].sort((a, b) => a.seq - b.seq);
    for (const record of this.records) this.index(record);
    this.lastUsedMs = nowMs;
  }

  add(record: MessageRecord): void {
    if (this.byId.has(record.id) || record.deletedAt) return;
    const last = this.records[this.records.length - 1];
    if (!last || last.seq < record.seq) this.records.push(record);
    else this.records = [...this.records, record].sort((a, b) => a.seq - b.seq);
    this.index(record);
    while (this.records.length > this.capacity) {
      const oldest = this.records.shift();
      if (oldest) this.unindex(oldest);
      this.complete = false;
    }
  }

  remove(id: string): void {
    const record = this.byId.get(id);
    if (!record) return;
    this.records = this.records.filter((r) => r.id !== id);
    this.unindex(record);
  }

  /** Swaps in a newer copy of a held message (pinned flag changed). */
  replace(record: MessageRecord): void {
    if (!this.byId.has(record.id)) return;
    this.records = this.records.map((r) => (r.id === record.id ? record : r));
    this.index(record);
  }

  /** Messages after `messageId`, or null when the window does not hold that message. */
  after(messageId: string): MessageRecord[] | null {
    const anchor = this.byId.get(messageId);
    if (!anchor) return null;
    return this.records.filter((r) => r.seq > anchor.seq);
  }

  /** The newest `limit` messages, or null when older ones the window dropped would be needed. */
  latest(limit: number): MessageRecord[] | null {
    if (this.records.length < limit && !this.complete) return null;
    return this.records.slice(-limit);
  }

  findByClientId(userId: string, clientMessageId: string): MessageRecord | undefined {
    return this.byClientKey.get(clientKey(userId, clientMessageId));
  }

  private index(record: MessageRecord): void {
    this.byId.set(record.id, record);
    if (record.clientMessageId) this.byClientKey.set(clientKey(record.userId, record.clientMessageId), record);
  }

  private unindex(record: MessageRecord): void {
    this.byId.delete(record.id);
    if (record.clientMessageId) this.byClientKey.delete(clientKey(record.userId, record.clientMessageId));
  }
}

/** Windows by session, loaded on first use; callers serialise access per session (see core/keyed-lock.ts). */
export class MessageWindows {
  private readonly windows = new Map<string, SessionWindow>();

  constructor(
    private readonly capacity: number,
    /** The newest `limit` stored messages of a session, oldest first. */
    private readonly loadLatest: (sessionId: string, limit: number) => Promise<MessageRecord[]>,
    private readonly nowMs: () => number,
  ) {}

  async get(sessionId: string): Promise<SessionWindow> {
    const existing = this.windows.get(sessionId);
    if (existing) {
      existing.lastUsedMs = this.nowMs();
      return existing;
    }
    const seed = await this.loadLatest(sessionId, this.capacity);
    const window = new SessionWindow(this.capacity, seed, seed.length < this.capacity, this.nowMs());
    this.windows.set(sessionId, window);
    return window;
  }

  /** The window if loaded; updates to a session nobody has read yet need no window. */
  peek(sessionId: string): SessionWindow | undefined {
    return this.windows.get(sessionId);
  }

  /** Frees windows of sessions nobody has written to or read from for `idleMs`. */
  evictIdle(idleMs: number): void {
    const cutoff = this.nowMs() - idleMs;
    for (const [sessionId, window] of this.windows) if (window.lastUsedMs < cutoff) this.windows.delete(sessionId);
  }

  get size(): number {
    return this.windows.size;
  }
}
