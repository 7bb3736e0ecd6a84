/**
 * One join-history rule: the newest JOIN_HISTORY messages for a first join, every message after the
 * anchor (up to RESYNC_LIMIT) for a resync. The chat module's window, its storage fallback and the
 * sessions module's storage-only history must all answer the same.
 */
import { expect, it } from 'vitest';
import { ChatHistory, JOIN_HISTORY, RESYNC_LIMIT, joinHistoryFromStorage } from '../../../relay-server/src/chat/history.js';
import { MessageWindows } from '../../../relay-server/src/chat/message-window.js';
import { KeyedLock } from '../../../relay-server/src/core/keyed-lock.js';
import { storageHistory } from '../../../relay-server/src/sessions/history.js';
import type { Storage } from '../../../relay-server/src/storage/types.js';
import { describeEachDatabase } from '../../support/databases.js';
import { message, seedSession } from '../storage/fixtures.js';

const COUNT = JOIN_HISTORY + 10;

async function seedChat(storage: Storage) {
  const { host, session } = await seedSession(storage);
  const ids: string[] = [];
  for (let i = 0; i < COUNT; i += 1) {
    const { message: stored } = await storage.messages.insert(message(session.id, host.id, { content: `m${i}` }));
    ids.push(stored.id);
  }
  return { sessionId: session.id, ids };
}

describeEachDatabase('join history: one rule for every path', (db) => {
  function paths(storage: Storage) {
    const loadLatest = (sessionId: string, limit: number) => storage.messages.listBefore(sessionId, undefined, limit);
    const windowed = new ChatHistory(storage.messages, new MessageWindows(1000, loadLatest, () => 0), new KeyedLock());
    const tooSmallWindow = new ChatHistory(storage.messages, new MessageWindows(5, loadLatest, () => 0), new KeyedLock());
    const fallback = storageHistory(storage);
    return {
      storage: async (s: string, after?: string) => (await joinHistoryFromStorage(storage.messages, s, after)).map((m) => m.id),
      window: async (s: string, after?: string) => (await windowed.forJoin(s, after)).map((m) => m.id),
      'window too small': async (s: string, after?: string) => (await tooSmallWindow.forJoin(s, after)).map((m) => m.id),
      'sessions without chat': async (s: string, after?: string) => (await fallback.messages(s, after)).map((m) => m.id),
    };
  }

  it('gives a first join the newest messages and a resync everything after its anchor, the same on every path', async () => {
    const storage = db.storage();
    const { sessionId, ids } = await seedChat(storage);
    const { sessionId: otherSession, ids: otherIds } = await seedChat(storage);
    expect(RESYNC_LIMIT).toBeGreaterThan(COUNT);
    for (const [name, read] of Object.entries(paths(storage))) {
      expect(await read(sessionId), `${name}: first join`).toEqual(ids.slice(-JOIN_HISTORY));
      expect(await read(sessionId, ids[4]), `${name}: resync`).toEqual(ids.slice(5));
      expect(await read(sessionId, ids.at(-1)), `${name}: up to date`).toEqual([]);
      expect(await read(sessionId, 'unknown-id'), `${name}: unknown anchor`).toEqual(ids.slice(-JOIN_HISTORY));
      expect(await read(sessionId, otherIds[0]), `${name}: another session's anchor`).toEqual(ids.slice(-JOIN_HISTORY));
      expect(await read(otherSession), `${name}: other session`).toEqual(otherIds.slice(-JOIN_HISTORY));
    }
  });
});
