import type { Repositories } from '../storage/types.js';
import { joinHistoryFromStorage } from '../chat/history.js';
import { toMessage } from '../chat/wire.js';
import type { JoinHistory } from './socket.js';

/** Join history read straight from storage, by the one rule in chat/history.ts (used when no chat module runs). */
export function storageHistory(repos: Pick<Repositories, 'messages'>): JoinHistory {
  return {
    async messages(sessionId, afterMessageId) {
      return (await joinHistoryFromStorage(repos.messages, sessionId, afterMessageId)).map(toMessage);
    },
    async pins(sessionId) {
      return (await repos.messages.listPinned(sessionId)).map(toMessage);
    },
  };
}
