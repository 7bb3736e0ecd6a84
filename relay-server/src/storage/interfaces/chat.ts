/** Chat messages and reactions. */

export interface MessageRecord {
  id: string;
  /** Storage-assigned, strictly increasing across the whole table: the one order of messages. */
  seq: number;
  sessionId: string;
  userId: string;
  displayName: string;
  content: string;
  type: 'text' | 'system';
  clientMessageId: string | null;
  pinned: boolean;
  deletedAt: Date | null;
  createdAt: Date;
}

export type NewMessage = Omit<MessageRecord, 'seq' | 'pinned' | 'deletedAt'>;

export interface InsertMessageResult {
  message: MessageRecord;
  /** False when (sessionId, userId, clientMessageId) already existed: `message` is the stored one. */
  created: boolean;
}

export interface MessageRepo {
  /** Idempotent on (sessionId, userId, clientMessageId) through a unique key. */
  insert(message: NewMessage): Promise<InsertMessageResult>;
  findById(id: string): Promise<MessageRecord | null>;
  /** Not deleted, seq > afterSeq, oldest first. */
  listAfter(sessionId: string, afterSeq: number, limit: number): Promise<MessageRecord[]>;
  /** Not deleted, seq < beforeSeq (or the newest when undefined), returned oldest first. */
  listBefore(sessionId: string, beforeSeq: number | undefined, limit: number): Promise<MessageRecord[]>;
  listPinned(sessionId: string): Promise<MessageRecord[]>;
  setPinned(id: string, pinned: boolean): Promise<MessageRecord | null>;
  /** Marks it deleted (and unpins it); false when unknown or already deleted. */
  softDelete(id: string, at: Date): Promise<boolean>;
  /** Ids of one author's messages in a session that are not deleted, oldest first (a ban that removes them). */
  listIdsByAuthor(sessionId: string, userId: string): Promise<string[]>;
  /** Messages not deleted (text and system). */
  count(sessionId: string): Promise<number>;
  /** Messages not deleted with createdAt >= since. */
  countSince(sessionId: string, since: Date): Promise<number>;
  /** Distinct authors of non-deleted 'text' messages (system messages are not chatters) since `since`. */
  countDistinctAuthorsSince(sessionId: string, since: Date): Promise<number>;
  /** Deletes messages of ended sessions created before `cutoff`; returns how many. */
  purgeEndedBefore(cutoff: Date): Promise<number>;
}

export interface ReactionRepo {
  add(sessionId: string, emoji: string, userId: string, at: Date): Promise<void>;
  counts(sessionId: string): Promise<Record<string, number>>;
  total(sessionId: string): Promise<number>;
}
