import type { Message } from '../../../protocol/chat.js';
import type { MessageRecord } from '../storage/types.js';

/**
 * A stored message as clients see it: no deletion marker. `seq` is exposed so clients can order
 * deliveries from several relay nodes that may arrive out of order.
 */
export function toMessage(record: MessageRecord): Message {
  return {
    id: record.id,
    sessionId: record.sessionId,
    userId: record.userId,
    displayName: record.displayName,
    content: record.content,
    type: record.type,
    clientMessageId: record.clientMessageId,
    pinned: record.pinned,
    createdAt: record.createdAt.toISOString(),
    seq: record.seq,
  };
}
