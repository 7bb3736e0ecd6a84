/** Reactions: one emoji grapheme, counted per session, pushed to the room as aggregated chat:reactions. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../../protocol/routes.js';
import { testDialects } from '../../support/databases.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';
import { buildWorld, call, joinedSocket, type World } from './world.js';

describe.each(testDialects)('chat reactions [%s]', (dialect) => {
  let t: TestRelay;
  let w: World;

  beforeAll(async () => {
    t = await startTestRelay({ dialect, env: { CHAT_RATE_BURST: '1000', CHAT_RATE_PER_SECOND: '1000' } });
    w = await buildWorld(t);
  });
  afterAll(async () => t?.close());

  it('counts reactions per session and pushes the aggregate with the recent ones to every member', async () => {
    const watcher = await joinedSocket(t, w.sessionId);
    const reactor = await joinedSocket(t, w.sessionId, w.members.viewer);
    const emojis = ['👍', '👍', '❤️', '👍🏽', '🇸🇳', '👨‍👩‍👧'];
    for (const emoji of emojis) expect(await reactor.socket.emitWithAck('chat:react', { sessionId: w.sessionId, emoji })).toEqual({ ok: true });
    expect((await call(t, routes.react, { id: w.sessionId }, w.members.guest, { emoji: '👍' })).status).toBe(201);

    const expected = { '👍': 3, '❤️': 1, '👍🏽': 1, '🇸🇳': 1, '👨‍👩‍👧': 1 };
    const last = await watcher.log.waitFor('chat:reactions', (p) => JSON.stringify(p.counts) === JSON.stringify({ ...p.counts, ...expected }) && Object.keys(p.counts).length === 5);
    expect(last.counts).toEqual(expected);
    const recent = watcher.log.of('chat:reactions').flatMap((p) => p.recent);
    expect(recent.filter((r) => r.userId === w.members.viewer.userId).map((r) => r.emoji)).toEqual(emojis);
    // Coalesced: fewer pushes than reactions.
    expect(watcher.log.of('chat:reactions').length).toBeLessThanOrEqual(emojis.length + 1);
    expect((await call(t, routes.reactionCounts, { id: w.sessionId })).body).toEqual({ counts: expected });
    watcher.socket.close();
    reactor.socket.close();
  });

  it('refuses anything that is not exactly one emoji with invalid_input', async () => {
    const { socket } = await joinedSocket(t, w.sessionId, w.members.viewer);
    for (const emoji of ['', 'a', '👍👍', ':)', '<img>', '1', '👍 ', 'x'.repeat(40)]) {
      expect(await socket.emitWithAck('chat:react', { sessionId: w.sessionId, emoji }), JSON.stringify(emoji)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
      const res = await call(t, routes.react, { id: w.sessionId }, w.members.viewer, { emoji });
      expect(res.status, JSON.stringify(emoji)).toBe(400);
    }
    socket.close();
  });
});
