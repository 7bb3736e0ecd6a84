/** Reactions: one of the fixed set, counted per session, pushed to the room as the changed totals with the recent ones. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../../protocol/routes.js';
import { REACTIONS } from '../../../protocol/chat.js';
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

  it('counts reactions per session and pushes the changed totals with the recent ones to every member', async () => {
    const watcher = await joinedSocket(t, w.sessionId);
    const reactor = await joinedSocket(t, w.sessionId, w.members.viewer);
    const emojis = ['👍', '👍', '❤️', '🔥', '🎉', '😂'] as const;
    for (const emoji of emojis) expect(await reactor.socket.emitWithAck('chat:react', { sessionId: w.sessionId, emoji })).toEqual({ ok: true });
    expect((await call(t, routes.react, { id: w.sessionId }, w.members.guest, { emoji: '👍' })).status).toBe(201);

    const expected = { '👍': 3, '❤️': 1, '🔥': 1, '🎉': 1, '😂': 1 };
    // Each update carries only the reactions that changed: merged, they give the totals.
    const merged: Record<string, number> = {};
    await watcher.log.waitFor('chat:reactions', (p) => {
      for (const [emoji, count] of Object.entries(p.counts)) merged[emoji] = count;
      for (const r of p.recent) expect(Object.keys(p.counts)).toContain(r.emoji);
      return JSON.stringify(Object.entries(merged).sort()) === JSON.stringify(Object.entries(expected).sort());
    });
    const recent = watcher.log.of('chat:reactions').flatMap((p) => p.recent);
    expect(recent.filter((r) => r.userId === w.members.viewer.userId).map((r) => r.emoji)).toEqual([...emojis]);
    // Coalesced: fewer pushes than reactions.
    expect(watcher.log.of('chat:reactions').length).toBeLessThanOrEqual(emojis.length + 1);
    expect((await call(t, routes.reactionCounts, { id: w.sessionId })).body).toEqual({ counts: expected });
    watcher.socket.close();
    reactor.socket.close();
  });

  it('refuses anything outside the fixed reaction set with invalid_input', async () => {
    const { socket } = await joinedSocket(t, w.sessionId, w.members.viewer);
    for (const emoji of ['', 'a', '👍👍', ':)', '<img>', '1', '👍 ', 'x'.repeat(40), '👍🏽', '🇸🇳', '👨‍👩‍👧', '🔥\u0301', '❤']) {
      expect(await socket.emitWithAck('chat:react', { sessionId: w.sessionId, emoji } as never), JSON.stringify(emoji)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
      const res = await call(t, routes.react, { id: w.sessionId }, w.members.viewer, { emoji });
      expect(res.status, JSON.stringify(emoji)).toBe(400);
    }
    socket.close();
  });

  it('1,000 distinct crafted emoji are refused and the tally stays within the set', async () => {
    const { socket } = await joinedSocket(t, w.sessionId, w.members.viewer);
    // 🔥 followed by one of a thousand combining marks, variation selectors and tags: one grapheme each.
    const marks = [...Array(112).keys()].map((i) => String.fromCodePoint(0x300 + i))
      .concat([...Array(16).keys()].map((i) => String.fromCodePoint(0xfe00 + i)))
      .concat([...Array(96).keys()].map((i) => String.fromCodePoint(0xe0020 + i)));
    const crafted = new Set<string>();
    for (const a of marks) {
      for (const b of ['', ...marks.slice(0, 4)]) if (crafted.size < 1000) crafted.add(`🔥${a}${b}`);
    }
    expect(crafted.size).toBe(1000);
    const acks = await Promise.all([...crafted].map((emoji) => socket.emitWithAck('chat:react', { sessionId: w.sessionId, emoji } as never)));
    expect(acks.filter((a: { ok: boolean }) => a.ok)).toEqual([]);
    const counts = (await call(t, routes.reactionCounts, { id: w.sessionId })).body as { counts: Record<string, number> };
    expect(Object.keys(counts.counts).every((emoji) => (REACTIONS as readonly string[]).includes(emoji))).toBe(true);
    expect(Object.keys(counts.counts).length).toBeLessThanOrEqual(REACTIONS.length);
    socket.close();
  });
});
