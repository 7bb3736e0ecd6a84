/**
 * Chat messages over real Socket.io clients and HTTP, against SQLite and MariaDB: stored before the
 * ack, idempotent on clientMessageId, one order that delivery, pagination and resync all follow.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../../protocol/routes.js';
import { MessageReply } from '../../../protocol/chat.js';
import { testDialects } from '../../support/databases.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';
import { buildWorld, call, cid, fullHistory, ids, joinedSocket, listMessages, postMessage, type World } from './world.js';

describe.each(testDialects)('chat messages [%s]', (dialect) => {
  let t: TestRelay;
  let w: World;

  beforeAll(async () => {
    t = await startTestRelay({ dialect, env: { CHAT_RATE_BURST: '1000', CHAT_RATE_PER_SECOND: '1000' } });
    w = await buildWorld(t);
  });
  afterAll(async () => t?.close());

  it('stores an HTTP message once per clientMessageId: 201, then 200 with the same message', async () => {
    const clientMessageId = cid();
    const body = { content: '  hello over HTTP  ', clientMessageId };
    const first = await call(t, routes.sendMessage, { id: w.sessionId }, w.members.viewer, body);
    const second = await call(t, routes.sendMessage, { id: w.sessionId }, w.members.viewer, { ...body, content: 'changed' });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    const stored = MessageReply.parse(first.body).message;
    expect(MessageReply.parse(second.body).message).toEqual(stored);
    expect(stored.content).toBe('hello over HTTP');
    expect(stored).toMatchObject({ userId: w.members.viewer.userId, clientMessageId, pinned: false, type: 'text' });
    const copies = (await fullHistory(t, w.sessionId)).filter((m) => m.clientMessageId === clientMessageId);
    expect(copies).toEqual([stored]);
  });

  it('stores a socket message once per clientMessageId, even when both sends race', async () => {
    const { socket } = await joinedSocket(t, w.sessionId, w.members.guest);
    const clientMessageId = cid();
    const payload = { sessionId: w.sessionId, content: 'hello over the socket', clientMessageId };
    const [a, b] = await Promise.all([socket.emitWithAck('chat:send', payload), socket.emitWithAck('chat:send', payload)]);
    const c = await socket.emitWithAck('chat:send', payload);
    if (!a.ok || !b.ok || !c.ok) throw new Error('send refused');
    expect(b.message).toEqual(a.message);
    expect(c.message).toEqual(a.message);
    const copies = (await fullHistory(t, w.sessionId)).filter((m) => m.clientMessageId === clientMessageId);
    expect(copies).toEqual([a.message]);
    // The same clientMessageId from another user is another message.
    const other = await postMessage(t, w.sessionId, w.members.author, 'mine too', clientMessageId);
    expect(other.id).not.toBe(a.message.id);
    socket.close();
  });

  it('keeps content as text: HTML comes back verbatim, invisible controls are stripped', async () => {
    const html = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    expect((await postMessage(t, w.sessionId, w.members.viewer, html)).content).toBe(html);
    const cleaned = await postMessage(t, w.sessionId, w.members.viewer, 'a\u200Bb\u202Ec\uFEFF\u0000d\u0007');
    expect(cleaned.content).toBe('abcd');
  });

  it('refuses empty, invisible-only and over-long messages with invalid_input and stores nothing', async () => {
    const before = await fullHistory(t, w.sessionId);
    for (const content of ['', '    ', '\u200B\u200D\u202E\u2066', 'x'.repeat(501)]) {
      const res = await call(t, routes.sendMessage, { id: w.sessionId }, w.members.viewer, { content, clientMessageId: cid() });
      expect(res.status, JSON.stringify(content)).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'invalid_input' } });
    }
    const { socket } = await joinedSocket(t, w.sessionId, w.members.viewer);
    const ack = await socket.emitWithAck('chat:send', { sessionId: w.sessionId, content: '\u200B', clientMessageId: cid() });
    expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(ids(await fullHistory(t, w.sessionId))).toEqual(ids(before));
    // 500 characters after trimming is fine.
    expect((await postMessage(t, w.sessionId, w.members.viewer, ` ${'y'.repeat(500)} `)).content).toHaveLength(500);
    socket.close();
  });

  it('delivers messages from concurrent senders to every viewer in the one stored order, batched in arrays', async () => {
    const viewers = await Promise.all([joinedSocket(t, w.sessionId, w.members.viewer), joinedSocket(t, w.sessionId)]);
    const senders = await Promise.all(
      [w.members.host, w.members.moderator, w.members.guest, w.members.author].map((m) => joinedSocket(t, w.sessionId, m)),
    );
    const acks = await Promise.all(
      senders.flatMap(({ socket }, s) =>
        Array.from({ length: 15 }, (_, i) =>
          socket.emitWithAck('chat:send', { sessionId: w.sessionId, content: `sender ${s} #${i}`, clientMessageId: cid() }),
        ),
      ),
    );
    const sent = new Set(acks.map((a) => (a.ok ? a.message.id : 'refused')));
    expect(sent.has('refused')).toBe(false);
    const stored = (await fullHistory(t, w.sessionId)).filter((m) => sent.has(m.id));
    expect(stored).toHaveLength(60);
    for (const { log, socket } of viewers) {
      await log.waitFor('chat:messages', () => log.messages().filter((m) => sent.has(m.id)).length >= 60);
      const delivered = log.messages().filter((m) => sent.has(m.id));
      expect(ids(delivered)).toEqual(ids(stored));
      // Batching: fewer frames than messages is allowed, every frame is an array.
      expect(log.of('chat:messages').length).toBeLessThanOrEqual(delivered.length);
      socket.close();
    }
    for (const { socket } of senders) socket.close();
  });

  it('pages backwards with `before` exactly, oldest first, and 404s an unknown anchor', async () => {
    const all = await fullHistory(t, w.sessionId);
    const latest = await listMessages(t, w.sessionId, '?limit=7');
    expect(ids(latest)).toEqual(ids(all.slice(-7)));
    const previous = await listMessages(t, w.sessionId, `?limit=7&before=${latest[0]!.id}`);
    expect(ids(previous)).toEqual(ids(all.slice(-14, -7)));
    const unknown = await t.api('GET', `/api/sessions/${w.sessionId}/messages?before=nope`);
    expect(unknown.status).toBe(404);
    const badLimit = await t.api('GET', `/api/sessions/${w.sessionId}/messages?limit=500`);
    expect(badLimit.status).toBe(400);
  });

  it('resyncs a dropped viewer with exactly the messages it missed', async () => {
    const first = await joinedSocket(t, w.sessionId, w.members.viewer);
    const seenBefore = await postMessage(t, w.sessionId, w.members.author, 'before the drop');
    await first.log.waitFor('chat:messages', (p) => p.messages.some((m) => m.id === seenBefore.id));
    const lastSeen = first.log.messages().at(-1)!;
    first.socket.disconnect();

    const missed = [];
    for (let i = 0; i < 12; i++) missed.push(await postMessage(t, w.sessionId, w.members.author, `while away ${i}`));
    const again = await joinedSocket(t, w.sessionId, w.members.viewer, lastSeen.id);
    expect(ids(again.ack.messages)).toEqual(ids(missed));
    again.socket.close();
  });

  it('joins without afterMessageId with the latest 50 in order, and with pins', async () => {
    const all = await fullHistory(t, w.sessionId);
    expect(all.length).toBeGreaterThan(50);
    const { ack, socket } = await joinedSocket(t, w.sessionId);
    expect(ids(ack.messages)).toEqual(ids(all.slice(-50)));
    expect(ack.pins).toEqual([]);
    socket.close();
  });

  it('resync after a deleted anchor still gives exactly what followed it', async () => {
    const anchor = await postMessage(t, w.sessionId, w.members.author, 'soon deleted');
    const after = [await postMessage(t, w.sessionId, w.members.author, 'after 1'), await postMessage(t, w.sessionId, w.members.author, 'after 2')];
    const del = await call(t, routes.deleteMessage, { id: w.sessionId, messageId: anchor.id }, w.members.author);
    expect(del.status).toBe(204);
    const { ack, socket } = await joinedSocket(t, w.sessionId, undefined, anchor.id);
    expect(ids(ack.messages)).toEqual(ids(after));
    socket.close();
  });

  it('survives a relay restart: a fresh relay on the same database serves the same history and resync', async () => {
    const anchor = await postMessage(t, w.sessionId, w.members.author, 'before restart');
    const later = await postMessage(t, w.sessionId, w.members.author, 'also before restart');
    const history = await fullHistory(t, w.sessionId);
    const { createRelay } = await import('../../../relay-server/src/app.js');
    const second = await createRelay({ ...t.config, port: 0 }, { storage: t.storage });
    const { port } = await second.listen();
    try {
      const { io } = await import('socket.io-client');
      const socket = io(`http://127.0.0.1:${port}`, { transports: ['websocket'], forceNew: true, reconnection: false });
      const ack = await socket.emitWithAck('session:join', { sessionId: w.sessionId, afterMessageId: anchor.id });
      socket.close();
      if (!ack.ok) throw new Error(JSON.stringify(ack.error));
      expect(ids(ack.messages)).toEqual([later.id]);
      const res = await fetch(`http://127.0.0.1:${port}/api/sessions/${w.sessionId}/messages?limit=100`);
      const page = (await res.json()) as { messages: Array<{ id: string }> };
      expect(page.messages.map((m) => m.id)).toEqual(ids(history.slice(-100)));
    } finally {
      await second.close();
    }
  });
});
