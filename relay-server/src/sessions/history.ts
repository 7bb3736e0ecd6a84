import type { Repositories } from '../storage/types.js';
import { toMessage } from '../chat/wire.js';
import type { JoinHistory } from './socket.js';

/** How many recent messages a socket gets when it has none yet. */
export const JOIN_HISTORY_LIMIT = 50;

/**
 * Join history read straight from storage: the messages after `afterMessageId` (so a reconnecting
 * client loses nothing), else the latest 50; an unknown or foreign id counts as none.
 */
export function storageHistory(repos: Pick<Repositories, 'messages'>): JoinHistory {
  return {
    async messages(sessionId, afterMessageId) {
      const after = afterMessageId ? await repos.messages.findById(afterMessageId) : null;
      const records = after && after.sessionId === sessionId
        ? await repos.messages.listAfter(sessionId, after.seq, JOIN_HISTORY_LIMIT * 10)
        : await repos.messages.listBefore(sessionId, undefined, JOIN_HISTORY_LIMIT);
      return records.map(toMessage);
    },
    async pins(sessionId) {
      return (await repos.messages.listPinned(sessionId)).map(toMessage);
    },
  };
}
