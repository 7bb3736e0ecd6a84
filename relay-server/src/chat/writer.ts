import type { InsertMessageResult, MessageRecord, MessageRepo, NewMessage } from '../storage/types.js';
import type { KeyedLock } from '../core/keyed-lock.js';

/** Most inserts one round sends to storage at once. */
const MAX_ROUND = 200;

interface Pending {
  message: NewMessage;
  resolve: (result: InsertMessageResult) => void;
  reject: (err: unknown) => void;
}

/**
 * Stores a session's messages in rounds: the sends that arrive while a round is being stored wait and
 * go together in the next one, their inserts running concurrently. A round runs inside the session's
 * serial queue and hands its new messages to `onStored` sorted by `seq` once all of them are stored,
 * so every round's messages come after the previous round's, and delivery follows `seq` exactly,
 * without one insert's latency capping a busy room's throughput.
 */
export class MessageWriter {
  private readonly pending = new Map<string, Pending[]>();

  constructor(
    private readonly messages: MessageRepo,
    private readonly serial: KeyedLock,
    /** Runs inside the session's queue with the round's new messages, oldest first. */
    private readonly onStored: (sessionId: string, created: MessageRecord[]) => Promise<void>,
  ) {}

  insert(message: NewMessage): Promise<InsertMessageResult> {
    return new Promise((resolve, reject) => {
      const queue = this.pending.get(message.sessionId);
      if (queue) return void queue.push({ message, resolve, reject });
      this.pending.set(message.sessionId, [{ message, resolve, reject }]);
      void this.serial.run(message.sessionId, () => this.round(message.sessionId));
    });
  }

  private async round(sessionId: string): Promise<void> {
    const queue = this.pending.get(sessionId) ?? [];
    const batch = queue.splice(0, MAX_ROUND);
    if (queue.length > 0) void this.serial.run(sessionId, () => this.round(sessionId));
    else this.pending.delete(sessionId);
    const outcomes = await Promise.allSettled(batch.map((p) => this.messages.insert(p.message)));
    const created = outcomes.flatMap((o) => (o.status === 'fulfilled' && o.value.created ? [o.value.message] : []));
    try {
      await this.onStored(sessionId, created.sort((a, b) => a.seq - b.seq));
    } finally {
      outcomes.forEach((outcome, i) => {
        const waiting = batch[i]!;
        if (outcome.status === 'fulfilled') waiting.resolve(outcome.value);
        else waiting.reject(outcome.reason);
      });
    }
  }
}
