/**
 * Hostile input over real sockets against SQLite and MariaDB: 10,000 malformed events and an XSS
 * corpus. Nothing crashes, every malformed event to a known handler is answered with invalid_input,
 * no row changes, and the relay keeps answering; markup is stored and served back as plain text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { MessagesReply } from '../../../protocol/chat.js';
import { cleanString } from '../../../protocol/common.js';
import { testDialects } from '../../support/databases.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';
import { xssCorpus } from '../../support/xss-corpus.js';
import { buildWorld, cid, fullHistory, joinedSocket, type World } from '../chat/world.js';
import { hostileEvents } from './malformed.js';

const EVENTS = 10_000;
const IN_FLIGHT = 200;

/** An untyped client (Socket.io's default event map): this suite sends what the protocol forbids. */
async function rawSocket(url: string, token?: string): Promise<Socket> {
  const socket = connect(url, { auth: token ? { token } : {}, transports: ['websocket'], forceNew: true, reconnection: false });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

describe.each(testDialects)('hostile socket input [%s]', (dialect) => {
  let t: TestRelay;
  let w: World;

  beforeAll(async () => {
    t = await startTestRelay({ dialect, env: { CHAT_RATE_BURST: '1000', CHAT_RATE_PER_SECOND: '1000' } });
    w = await buildWorld(t);
  });
  afterAll(async () => t?.close());

  /** Everything a malformed event could have changed. */
  async function snapshot() {
    const s = t.storage;
    const id = w.sessionId;
    return {
      messages: await s.messages.count(id),
      reactions: await s.reactions.counts(id),
      participants: (await s.participants.list(id)).map((p) => [p.userId, p.role, p.leftAt]),
      mutes: await s.moderation.listMutes(id),
      bans: (await s.moderation.listBans(id)).map((b) => b.userId),
      settings: await s.moderation.getSettings(id),
      log: (await s.moderation.listLog(id, 1000)).length,
      session: { ...(await s.sessions.findById(id)), peakViewerCount: 'counted by presence' },
    };
  }

  it('answers 10,000 malformed events with invalid_input, changes nothing, and keeps serving', { timeout: 120_000 }, async () => {
    const member = await rawSocket(t.url, w.members.viewer.token);
    const anonymous = await rawSocket(t.url);
    expect((await member.emitWithAck('session:join', { sessionId: w.sessionId })).ok).toBe(true);
    const before = await snapshot();
    const events = hostileEvents(w.sessionId, EVENTS);
    const wrongAnswers: unknown[] = [];
    for (let start = 0; start < events.length; start += IN_FLIGHT) {
      const chunk = events.slice(start, start + IN_FLIGHT);
      await Promise.all(
        chunk.map(async ({ event, args, known }, i) => {
          const socket = i % 2 ? member : anonymous;
          if (!known) return void socket.emit(event, ...args);
          const ack: unknown = await socket.timeout(20_000).emitWithAck(event, ...args);
          const code = (ack as { ok?: unknown; error?: { code?: unknown } }).error?.code;
          if (code !== 'invalid_input') wrongAnswers.push({ event, ack });
        }),
      );
    }
    expect(wrongAnswers.slice(0, 5)).toEqual([]);
    expect(member.connected && anonymous.connected).toBe(true);
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(await snapshot()).toEqual(before);

    const health = await t.api('GET', '/healthz');
    expect(health.status).toBe(200);
    const ok = await member.emitWithAck('chat:send', { sessionId: w.sessionId, content: 'still here', clientMessageId: cid() });
    expect(ok).toMatchObject({ ok: true, message: { content: 'still here' } });
    member.close();
    anonymous.close();
  });

  it('refuses a frame larger than the socket limit by closing that socket only; the relay carries on', async () => {
    const big = await rawSocket(t.url, w.members.viewer.token);
    const closed = new Promise<string>((resolve) => big.once('disconnect', (reason) => resolve(reason)));
    big.emit('chat:send', { sessionId: w.sessionId, content: 'x'.repeat(2_000_000), clientMessageId: cid() });
    expect(await closed).toMatch(/transport/);
    const { socket } = await joinedSocket(t, w.sessionId, w.members.viewer);
    expect(await socket.emitWithAck('chat:send', { sessionId: w.sessionId, content: 'after the flood', clientMessageId: cid() })).toMatchObject({
      ok: true,
    });
    socket.close();
  });

  it('stores every XSS corpus entry as plain text and serves it back verbatim as JSON', async () => {
    const { socket } = await joinedSocket(t, w.sessionId, w.members.guest);
    const expected = xssCorpus.map((entry) => cleanString(entry));
    const acked = [];
    for (const content of xssCorpus) {
      const ack = await socket.emitWithAck('chat:send', { sessionId: w.sessionId, content, clientMessageId: cid() });
      if (!ack.ok) throw new Error(`refused ${JSON.stringify(content)}: ${JSON.stringify(ack.error)}`);
      acked.push(ack.message.content);
    }
    expect(acked).toEqual(expected);
    const res = await t.api('GET', `/api/sessions/${w.sessionId}/messages?limit=100`);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const served = MessagesReply.parse(res.body).messages.map((m) => m.content);
    expect(served.slice(-expected.length)).toEqual(expected);
    expect((await fullHistory(t, w.sessionId)).length).toBeGreaterThanOrEqual(expected.length);
    socket.close();
  });
});
