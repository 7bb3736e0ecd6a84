import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionStats } from '../../../protocol/sessions.js';
import { testDialects } from '../../support/databases.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';
import { account, closeSocket, expectError, join, joinRoom, liveSession, nextEvent, parse } from './helpers.js';

describe.each(testDialects)('the post-live summary numbers [%s]', (dialect) => {
  let t: TestRelay;
  beforeAll(async () => {
    t = await startTestRelay({ dialect });
  });
  afterAll(() => t.close());

  it('counts peak and total viewers, messages and reactions, and stays readable after the end', async () => {
    const host = await account(t);
    const session = await liveSession(t, host);
    const viewers = [await account(t), await account(t), await account(t)];
    const hostSocket = await t.socket(host.token);
    await joinRoom(hostSocket, session.id);
    const threeWatching = nextEvent(hostSocket, 'viewers:count', (p) => p.count === 3);
    const sockets = [];
    for (const v of viewers) {
      await join(t, session.id, v);
      const socket = await t.socket(v.token);
      await joinRoom(socket, session.id);
      sockets.push(socket);
    }
    const sent = await t.api('POST', `/api/sessions/${session.id}/messages`, { token: viewers[0]!.token, body: { content: 'hello' } });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const reacted = await t.api('POST', `/api/sessions/${session.id}/reactions`, { token: viewers[1]!.token, body: { emoji: '❤️' } });
    expect(reacted.status, JSON.stringify(reacted.body)).toBeLessThan(300);
    await threeWatching;
    // One viewer leaves early: still counted in the total, no longer in the current count.
    await closeSocket(t, sockets[2]!);
    expect((await t.api('POST', `/api/sessions/${session.id}/end`, { token: host.token })).status).toBe(200);

    const stats = parse(SessionStats, await t.api('GET', `/api/sessions/${session.id}/stats`, { token: host.token }), 200);
    expect(stats.viewerTotal).toBe(3);
    expect(stats.peakViewerCount).toBeGreaterThanOrEqual(3);
    expect(stats.messageCount).toBe(1);
    expect(stats.reactionCount).toBe(1);
    expect(stats.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('is for the host and moderators only', async () => {
    const [host, viewer] = [await account(t), await account(t)];
    const session = await liveSession(t, host);
    await join(t, session.id, viewer);
    expectError(await t.api('GET', `/api/sessions/${session.id}/stats`, { token: viewer.token }), 403);
    expectError(await t.api('GET', `/api/sessions/${session.id}/stats`), 401);
  });
});
