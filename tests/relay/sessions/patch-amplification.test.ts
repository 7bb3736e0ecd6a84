/**
 * A viewer's PATCH on their own participant entry changes nothing the room is shown: no broadcast,
 * and the route is rate-limited. Real relay, SQLite and MariaDB.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../support/databases.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';
import { account, join, joinRoom, liveSession, nextEvent } from './helpers.js';

describe.each(testDialects)('participant PATCH amplification [%s]', (dialect) => {
  let t: TestRelay;
  beforeAll(async () => {
    t = await startTestRelay({ dialect });
  });
  afterAll(() => t.close());

  it('100 viewer PATCHes broadcast nothing to the room and hit 429 past the limit', async () => {
    const [host, viewer] = [await account(t), await account(t)];
    const session = await liveSession(t, host);
    const watcher = await t.socket();
    await joinRoom(watcher, session.id);
    await join(t, session.id, viewer);
    let broadcasts = 0;
    watcher.on('participants:update', () => (broadcasts += 1));

    const statuses: number[] = [];
    for (let i = 0; i < 100; i += 1) {
      const res = await t.api('PATCH', `/api/sessions/${session.id}/participants/${viewer.id}`, { token: viewer.token, body: { audioEnabled: i % 2 === 0 } });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    expect(statuses).toContain(429);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);

    // Ordering barrier: anything broadcast before this room-wide event has arrived by now.
    const marker = nextEvent(watcher, 'viewers:count', (e) => e.count === -1);
    t.relay.ctx.notifier.toSession(session.id, 'viewers:count', { sessionId: session.id, count: -1 });
    await marker;
    expect(broadcasts).toBe(0);
  });

  it('a change on stage still reaches the room', async () => {
    const [host, viewer] = [await account(t), await account(t)];
    const session = await liveSession(t, host);
    const watcher = await t.socket();
    await joinRoom(watcher, session.id);
    await join(t, session.id, viewer);
    const update = nextEvent(watcher, 'participants:update', (p) => p.participants.some((x) => x.userId === viewer.id && x.role === 'guest'));
    expect((await t.api('PATCH', `/api/sessions/${session.id}/participants/${viewer.id}`, { token: host.token, body: { role: 'guest' } })).status).toBe(200);
    await update;
  });
});
