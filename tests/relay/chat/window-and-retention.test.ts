/**
 * MAX_CHAT_MESSAGES and CHAT_MESSAGE_RETENTION: joins and resyncs stay exact when they reach past the
 * in-memory window, and old messages of ended sessions are purged while live ones stay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../../protocol/routes.js';
import { testDialects } from '../../support/databases.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';
import { buildWorld, call, fullHistory, ids, joinedSocket, listMessages, postMessage, type World } from './world.js';

describe.each(testDialects)('chat window and retention [%s]', (dialect) => {
  let t: TestRelay;
  let w: World;

  beforeAll(async () => {
    t = await startTestRelay({
      dialect,
      env: { MAX_CHAT_MESSAGES: '10', CHAT_MESSAGE_RETENTION: '1000', CHAT_RATE_BURST: '1000', CHAT_RATE_PER_SECOND: '1000' },
    });
    w = await buildWorld(t);
  });
  afterAll(async () => t?.close());

  it('resyncs exactly from an anchor older than the in-memory window', async () => {
    const anchor = await postMessage(t, w.sessionId, w.members.author, 'anchor');
    const after = [];
    for (let i = 0; i < 25; i++) after.push(await postMessage(t, w.sessionId, w.members.author, `after ${i}`));
    const { ack, socket } = await joinedSocket(t, w.sessionId, undefined, anchor.id);
    expect(ids(ack.messages)).toEqual(ids(after));
    // An anchor inside the window gives the same answer as storage would.
    const recent = await joinedSocket(t, w.sessionId, undefined, after[20]!.id);
    expect(ids(recent.ack.messages)).toEqual(ids(after.slice(21)));
    socket.close();
    recent.socket.close();
  });

  it('joins with the latest 50 even though the window holds 10, minus deleted ones', async () => {
    for (let i = 0; i < 30; i++) await postMessage(t, w.sessionId, w.members.author, `more ${i}`);
    const all = await fullHistory(t, w.sessionId);
    const victim = all.at(-3)!;
    expect((await call(t, routes.deleteMessage, { id: w.sessionId, messageId: victim.id }, w.members.host)).status).toBe(204);
    const { ack, socket } = await joinedSocket(t, w.sessionId);
    const expected = all.filter((m) => m.id !== victim.id).slice(-50);
    expect(ids(ack.messages)).toEqual(ids(expected));
    socket.close();
  });

  it('purges the messages of an ended session once they are older than the retention, and keeps live ones', async () => {
    const host = await t.register();
    const owner = { userId: host.user.id, token: host.token };
    const created = await call(t, routes.createSession, {}, owner, { title: 'Short show', type: 'video', isPublic: true });
    const sessionId = (created.body as { session: { id: string } }).session.id;
    await call(t, routes.startSession, { id: sessionId }, owner);
    await postMessage(t, sessionId, owner, 'soon gone');
    await postMessage(t, sessionId, owner, 'also soon gone');
    expect((await call(t, routes.endSession, { id: sessionId }, owner)).status).toBe(200);
    const liveBefore = ids(await fullHistory(t, w.sessionId));

    // The clean-up runs every retention period (1 s here); wait for it, never assert how fast.
    for (let attempt = 0; attempt < 100; attempt++) {
      if ((await listMessages(t, sessionId)).length === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(await listMessages(t, sessionId)).toEqual([]);
    expect(ids(await fullHistory(t, w.sessionId))).toEqual(liveBefore);
  });
});
