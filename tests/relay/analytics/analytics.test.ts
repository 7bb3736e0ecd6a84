import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalyticsLivesReply } from '../../../protocol/analytics.js';
import { routes } from '../../../protocol/routes.js';
import { runLedgerCheck } from '../../support/ledger.js';
import { startTestRelay, testDialects, type TestRelay } from '../../support/relay.js';
import { call, grant, live, member, sentGift, type Member } from '../gifts/world.js';
import { analyticsOf, chat, joined, playsOn, react, testClock, viewersSettle } from './world.js';

const S = 1_000;

/**
 * A scripted live on a test clock: the sampler runs when the test calls tick() (the module's own
 * 1 s timer may run too: it sees the same clock and the same room, and a bucket is written once).
 *
 *   0 s   A (WebRTC) and B (LL-HLS) join; A chats twice, B reacts 3×, A gives 2 djembes (20 coins), C follows
 *  10 s   bucket 0 closes: 2 viewers
 *  13 s   B leaves; D joins and leaves (seen, never sampled); the host chats once
 *  20 s   bucket 1 closes: 1 viewer
 *  21 s   A gives a rose (1 coin), E follows
 *  25 s   the host ends the live: bucket 2 is [20 s, 25 s), A still watching
 */
describe.each(testDialects)('live analytics against a scripted live [%s]', (dialect) => {
  const time = testClock();
  let t: TestRelay;
  let host: Member;
  let sessionId: string;
  const tick = () => t.relay.ctx.services.get('analytics').tick();

  beforeAll(async () => {
    t = await startTestRelay({ dialect, env: { PAYMENTS: 'dev', NODE_ENV: 'test' }, deps: { clock: time.clock } });
    time.at(0);
    ({ host, sessionId } = await live(t));
    const hostSocket = await t.socket(host.token);
    await joined(hostSocket, sessionId);
    const [a, b, c, d, e] = await Promise.all([member(t), member(t), member(t), member(t), member(t)]);
    await grant(t, a, 100);

    time.at(1 * S);
    const [socketA, socketB] = await Promise.all([t.socket(a.token), t.socket(b.token)]);
    await joined(socketA, sessionId);
    await joined(socketB, sessionId);
    await playsOn(socketA, sessionId, 'webrtc');
    await playsOn(socketB, sessionId, 'hls');
    await chat(socketA, sessionId, 'bonsoir !');
    await chat(socketA, sessionId, 'ça commence');
    for (let i = 0; i < 3; i++) await react(socketB, sessionId);
    await sentGift(t, sessionId, a, 'djembe', 2);
    expect((await call(t, routes.follow, { userId: host.userId }, c)).status).toBe(200);
    await viewersSettle(t.relay.ctx.presence, sessionId, 2);
    time.at(12 * S);
    await tick();

    time.at(13 * S);
    socketB.close();
    await viewersSettle(t.relay.ctx.presence, sessionId, 1);
    const socketD = await t.socket(d.token);
    await joined(socketD, sessionId);
    socketD.close();
    await viewersSettle(t.relay.ctx.presence, sessionId, 1);
    await chat(hostSocket, sessionId, 'merci à tous');
    time.at(22 * S);
    await tick();

    time.at(21 * S); // events of the open bucket, stamped before its end
    await sentGift(t, sessionId, a, 'rose', 1);
    expect((await call(t, routes.follow, { userId: host.userId }, e)).status).toBe(200);
    time.at(25 * S);
    expect((await call(t, routes.endSession, { id: sessionId }, host)).status).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('writes one bucket per 10 s with the viewers sampled and the events counted, the last one ending with the live', async () => {
    const { buckets } = await analyticsOf(t.api, sessionId, host.token);
    expect(buckets.map(({ startedAt, ...rest }) => ({ offset: Date.parse(startedAt) - time.clock().getTime() + 25 * S, ...rest }))).toEqual([
      { offset: 0, index: 0, durationMs: 10 * S, viewers: 2, viewersWebrtc: 1, viewersHls: 1, chatMessages: 2, reactions: 3, gifts: 1, coins: 20, follows: 1 },
      { offset: 10 * S, index: 1, durationMs: 10 * S, viewers: 1, viewersWebrtc: 1, viewersHls: 0, chatMessages: 1, reactions: 0, gifts: 0, coins: 0, follows: 0 },
      { offset: 20 * S, index: 2, durationMs: 5 * S, viewers: 1, viewersWebrtc: 1, viewersHls: 0, chatMessages: 0, reactions: 0, gifts: 1, coins: 1, follows: 1 },
    ]);
  });

  it('totals the live: peak, time-weighted average, unique viewers, watch time, chat participation, follows, coins', async () => {
    const report = await analyticsOf(t.api, sessionId, host.token);
    expect(report).toMatchObject({ state: 'ended', durationMs: 25 * S, bucketMs: 10 * S });
    expect(report.totals).toEqual({
      peakViewers: 2,
      averageViewers: 1.4, // (2×10 + 1×10 + 1×5) / 25
      uniqueViewers: 3, // A, B, and D who came and went between two samples; never the host
      watchTimeMs: 35 * S, // A 25 s, B 10 s, D 0
      averageWatchTimeMs: Math.round((35 * S) / 3),
      chatMessages: 3,
      chatters: 1, // A (the host's message is not a viewer's)
      chatParticipation: 1 / 3,
      reactions: 3,
      gifts: 2,
      coinsEarned: 21,
      followsGained: 2,
    });
  });

  it('returns only the buckets after ?after= (a live chart fetches what it lacks), totals unchanged', async () => {
    const later = await analyticsOf(t.api, sessionId, host.token, 1);
    expect(later.buckets.map((b) => b.index)).toEqual([2]);
    expect(later.totals.peakViewers).toBe(2);
    expect((await analyticsOf(t.api, sessionId, host.token, 99)).buckets).toEqual([]);
  });

  it('samples nothing twice: more ticks after the end change nothing', async () => {
    const before = await analyticsOf(t.api, sessionId, host.token);
    time.at(60 * S);
    await tick();
    await tick();
    expect(await analyticsOf(t.api, sessionId, host.token)).toEqual({ ...before, durationMs: before.durationMs });
  });

  it('lists the host’s lives for the dashboard with the same totals', async () => {
    const res = await call(t, routes.analyticsLives, {}, host);
    expect(res.status).toBe(200);
    const { lives } = AnalyticsLivesReply.parse(res.body);
    const report = await analyticsOf(t.api, sessionId, host.token);
    expect(lives).toEqual([{ sessionId, title: 'Gift night', state: 'ended', startedAt: report.startedAt, endedAt: report.endedAt, durationMs: 25 * S, totals: report.totals }]);
  });

  it('keeps the ledger whole', async () => {
    const run = await runLedgerCheck(t.config.database);
    expect(run.output).toMatch(/ledger check ok/);
    expect(run.code).toBe(0);
  }, 120_000);
});

describe.each(testDialects)('live analytics: who may read them, and bad input [%s]', (dialect) => {
  let t: TestRelay;
  let host: Member;
  let stranger: Member;
  let sessionId: string;
  let privateId: string;
  const path = (id: string, query = '') => `/api/sessions/${encodeURIComponent(id)}/analytics${query}`;

  beforeAll(async () => {
    t = await startTestRelay({ dialect });
    ({ host, sessionId } = await live(t));
    stranger = await member(t);
    privateId = (await live(t, { isPublic: false })).sessionId;
  });
  afterAll(() => t?.close());

  it('answers 401 signed out, 403 to someone else (even a viewer of the live), 404 for an unknown or a private live of someone else', async () => {
    expect((await t.api('GET', path(sessionId))).status).toBe(401);
    const other = await t.api('GET', path(sessionId), { token: stranger.token });
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ error: { code: 'not_host' } });
    const viewer = await t.socket(stranger.token);
    await joined(viewer, sessionId);
    expect((await t.api('GET', path(sessionId), { token: stranger.token })).status).toBe(403);
    expect((await t.api('GET', path('no-such-live'), { token: host.token })).status).toBe(404);
    expect((await t.api('GET', path(privateId), { token: stranger.token })).status).toBe(404);
    expect((await t.api('GET', path('x'.repeat(65)), { token: host.token })).status).toBe(400);
  });

  it('refuses absurd query parameters with 400 and a reason', async () => {
    for (const query of ['?after=-1', '?after=abc', '?after=1e3', '?after=', '?after=%201', '?after=1234567890', '?after=1&after=2', '?since=3', '?after[x]=1']) {
      const res = await t.api('GET', path(sessionId, query), { token: host.token });
      expect(res.status, query).toBe(400);
      expect(res.body, query).toMatchObject({ error: { code: 'invalid_input' } });
    }
    for (const query of ['?limit=0', '?limit=101', '?limit=-5', '?limit=ten', '?limit=99999999999', '?page=2']) {
      const res = await t.api('GET', `/api/analytics/lives${query}`, { token: host.token });
      expect(res.status, query).toBe(400);
    }
    expect((await t.api('GET', '/api/analytics/lives?limit=100', { token: host.token })).status).toBe(200);
  });

  it('lists only the caller’s own lives, and nothing signed out', async () => {
    expect((await t.api('GET', '/api/analytics/lives')).status).toBe(401);
    const mine = AnalyticsLivesReply.parse((await t.api('GET', '/api/analytics/lives', { token: host.token })).body).lives;
    expect(mine.map((l) => l.sessionId)).toEqual([sessionId]);
    expect(AnalyticsLivesReply.parse((await t.api('GET', '/api/analytics/lives', { token: stranger.token })).body).lives).toEqual([]);
  });

  it('reports a live with no bucket yet as zeros', async () => {
    const report = await analyticsOf(t.api, sessionId, host.token);
    expect(report.buckets).toEqual([]);
    expect(report.totals).toMatchObject({ uniqueViewers: 0, chatParticipation: 0, averageWatchTimeMs: 0, averageViewers: 0 });
  });
});
