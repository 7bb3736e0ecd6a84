import type { MessageRecord, MessageRepo } from '../storage/types.js';
import type { MessageWindows } from './message-window.js';
import type { SerialQueues } from './serial.js';

/** How many messages a join without `afterMessageId` receives. */
export const JOIN_HISTORY = 50;
/**
 * Most messages one resync returns (oldest first): far more than a reconnect misses in practice,
 * bounded so one join cannot ask for a whole day of chat.
 */
export const RESYNC_LIMIT = 5000;

/**
 * Chat history for joins and resyncs: every message after `afterMessageId` (up to RESYNC_LIMIT), or the
 * newest JOIN_HISTORY when the anchor is unknown. Served from the in-memory window when it covers the
 * request, else from storage; both follow `seq`, so the two answers are the same.
 */
export class ChatHistory {
  constructor(
    private readonly messages: MessageRepo,
    private readonly windows: MessageWindows | null,
    private readonly serial: SerialQueues,
  ) {}

  forJoin(sessionId: string, afterMessageId: string | undefined): Promise<MessageRecord[]> {
    // In the session's queue, so the window reflects every message stored before this call.
    return this.serial.run(sessionId, async () => {
      if (this.windows) {
        const window = await this.windows.get(sessionId);
        const hit = afterMessageId ? window.after(afterMessageId) : window.latest(JOIN_HISTORY);
        if (hit) return hit;
      }
      return this.fromStorage(sessionId, afterMessageId);
    });
  }

  private async fromStorage(sessionId: string, afterMessageId: string | undefined): Promise<MessageRecord[]> {
    const anchor = afterMessageId ? await this.messages.findById(afterMessageId) : null;
    if (anchor && anchor.sessionId === sessionId) return this.messages.listAfter(sessionId, anchor.seq, RESYNC_LIMIT);
    return this.messages.listBefore(sessionId, undefined, JOIN_HISTORY);
  }
}
