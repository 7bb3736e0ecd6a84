import type { MessageRecord, MessageRepo } from '../storage/types.js';
import type { MessageWindows } from './message-window.js';
import type { KeyedLock } from '../core/keyed-lock.js';

/** How many messages a join without `afterMessageId` receives. */
export const JOIN_HISTORY = 50;
/**
 * Most messages one resync returns (oldest first): far more than a reconnect misses in practice,
 * bounded so one join cannot ask for a whole day of chat.
 */
export const RESYNC_LIMIT = 5000;

/**
 * The one join-history rule, read from storage: every message after `afterMessageId` (up to
 * RESYNC_LIMIT, oldest first) so a reconnecting client loses nothing, else the newest JOIN_HISTORY;
 * an unknown anchor, or one from another session, counts as none. The in-memory window answers the
 * same (see ChatHistory), and the sessions module uses this when no chat module runs.
 */
export async function joinHistoryFromStorage(
  messages: Pick<MessageRepo, 'findById' | 'listAfter' | 'listBefore'>,
  sessionId: string,
  afterMessageId: string | undefined,
): Promise<MessageRecord[]> {
  const anchor = afterMessageId ? await messages.findById(afterMessageId) : null;
  if (anchor && anchor.sessionId === sessionId) return messages.listAfter(sessionId, anchor.seq, RESYNC_LIMIT);
  return messages.listBefore(sessionId, undefined, JOIN_HISTORY);
}

/**
 * Chat history for joins and resyncs, by the rule above. Served from the in-memory window when it
 * covers the request, else from storage; both follow `seq`, so the two answers are the same.
 */
export class ChatHistory {
  constructor(
    private readonly messages: MessageRepo,
    private readonly windows: MessageWindows | null,
    private readonly serial: KeyedLock,
  ) {}

  forJoin(sessionId: string, afterMessageId: string | undefined): Promise<MessageRecord[]> {
    // In the session's queue, so the window reflects every message stored before this call.
    return this.serial.run(sessionId, async () => {
      if (this.windows) {
        const window = await this.windows.get(sessionId);
        const hit = afterMessageId ? window.after(afterMessageId)?.slice(0, RESYNC_LIMIT) : window.latest(JOIN_HISTORY);
        if (hit) return hit;
      }
      return joinHistoryFromStorage(this.messages, sessionId, afterMessageId);
    });
  }
}
