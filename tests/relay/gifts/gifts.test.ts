import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GiftsReply, LiveEarningsReply, SendGiftReply, TopGiftersReply, EarningsReply } from '../../../protocol/gifts.js';
import { routes } from '../../../protocol/routes.js';
import { serverEvents } from '../../../protocol/events.js';
import { runLedgerCheck } from '../../support/ledger.js';
import { startTestRelay, testDialects, type TestRelay } from '../../support/relay.js';
import { call, giftId, grant, live, member, sendGift, sentGift, walletOf, type Member } from './world.js';

// Prices from relay-server/config/gifts.json.
const ROSE = 1;
const DJEMBE = 10;
const LION = 500;

describe.each(testDialects)('gifts and wallets [%s]', (dialect) => {
  let t: TestRelay;
  let sessionId: string;
  let host: Member;

  beforeAll(async () => {
    t = await startTestRelay({ dialect, env: { PAYMENTS: 'dev', NODE_ENV: 'test', GIFT_RATE_BURST: '1000' } });
    ({ host, sessionId } = await live(t));
  });
  afterAll(() => t?.close());

  it('serves the catalogue from the config file', async () => {
    const res = await call(t, routes.listGifts, {});
    expect(res.status).toBe(200);
    const { gifts, coinPacks } = GiftsReply.parse(res.body);
    expect(gifts.find((g) => g.id === 'lion')).toMatchObject({ coins: LION, names: { fr: 'Lion', en: 'Lion' }, tier: 'legendary' });
    expect(coinPacks.length).toBeGreaterThan(0);
  });

  it('debits the sender, credits the creator half in diamonds, and shows the gift to the room', async () => {
    const viewer = await member(t);
    expect(await grant(t, viewer, 100)).toEqual({ coins: 100, diamonds: 0 });
    const socket = await t.socket(viewer.token);
    const joined = await socket.emitWithAck('session:join', { sessionId });
    expect(joined.ok).toBe(true);
    const seen = new Promise((resolve) => socket.once('gift:sent', resolve));
    const { gift, wallet } = await sentGift(t, sessionId, viewer, 'djembe', 3);
    expect(wallet).toEqual({ coins: 100 - 3 * DJEMBE, diamonds: 0 });
    expect(gift).toMatchObject({ giftId: 'djembe', count: 3, coins: 30, senderId: viewer.userId });
    expect(serverEvents['gift:sent'].parse(await seen)).toEqual(gift);
    expect((await walletOf(t, host)).diamonds).toBe(15);
    const earned = await call(t, routes.liveEarnings, { id: sessionId }, host);
    expect(LiveEarningsReply.parse(earned.body).earnings).toMatchObject({ gifts: 1, coins: 30, diamonds: 15 });
    expect((await call(t, routes.liveEarnings, { id: sessionId }, viewer)).status).toBe(403);
    const mine = EarningsReply.parse((await call(t, routes.earnings, {}, host)).body).lives;
    expect(mine).toEqual([expect.objectContaining({ sessionId, title: 'Gift night', diamonds: 15 })]);
  });

  it('answers a retry with the same gift and never debits twice, even sent five times at once', async () => {
    const viewer = await member(t);
    await grant(t, viewer, 50);
    const body = { giftId: 'djembe', count: 1, clientGiftId: giftId() };
    const first = await sendGift(t, sessionId, viewer, body);
    expect(first.status).toBe(201);
    const again = await sendGift(t, sessionId, viewer, body);
    expect(again.status).toBe(200);
    expect(SendGiftReply.parse(again.body).gift.id).toBe(SendGiftReply.parse(first.body).gift.id);
    const burst = { ...body, clientGiftId: giftId() };
    const answers = await Promise.all(Array.from({ length: 5 }, () => sendGift(t, sessionId, viewer, burst)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => SendGiftReply.parse(a.body).gift.id)).size).toBe(1);
    expect((await walletOf(t, viewer)).coins).toBe(50 - 2 * DJEMBE);
    const reused = await sendGift(t, sessionId, viewer, { ...body, giftId: 'rose' });
    expect(reused.status).toBe(409);
    expect((await walletOf(t, viewer)).coins).toBe(50 - 2 * DJEMBE);
  });

  it('lets exactly the affordable ones of 200 concurrent gifts from 20 wallets through', async () => {
    const wallets = await Promise.all(Array.from({ length: 20 }, () => member(t)));
    // Wallet i holds 10·i coins: it can afford i of its 10 djembes (0 for the first, all 10 for the last ones).
    await Promise.all(wallets.map((w, i) => (i === 0 ? Promise.resolve() : grant(t, w, DJEMBE * Math.min(i, 10)))));
    const sends = wallets.flatMap((w) => Array.from({ length: 10 }, () => sendGift(t, sessionId, w, { giftId: 'djembe', count: 1, clientGiftId: giftId() })));
    const statuses = (await Promise.all(sends)).map((r) => r.status);
    expect(statuses.filter((s) => s !== 201 && s !== 402)).toEqual([]);
    const affordable = wallets.reduce((n, _w, i) => n + Math.min(i, 10), 0);
    expect(statuses.filter((s) => s === 201)).toHaveLength(affordable);
    for (const w of wallets) expect((await walletOf(t, w)).coins).toBe(0);
  }, 120_000);

  it('ranks the live’s top gifters by coins spent', async () => {
    const big = await member(t);
    await grant(t, big, 1000);
    await sentGift(t, sessionId, big, 'lion', 1);
    const res = await call(t, routes.topGifters, { id: sessionId });
    const { gifters } = TopGiftersReply.parse(res.body);
    expect(gifters[0]).toMatchObject({ userId: big.userId, coins: LION });
    expect(gifters.map((g) => g.coins)).toEqual([...gifters.map((g) => g.coins)].sort((a, b) => b - a));
  });

  describe('hostile', () => {
    let rich: Member;
    beforeAll(async () => {
      rich = await member(t);
      await grant(t, rich, 1_000_000);
    });
    const refused = async (who: Member | undefined, body: unknown, status: number, code: string, session = sessionId) => {
      const before = await walletOf(t, rich);
      const res = await sendGift(t, session, who, body);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body).toMatchObject({ error: { code } });
      expect(await walletOf(t, rich)).toEqual(before);
    };

    it('refuses counts that are negative, zero, fractional, huge or not numbers', async () => {
      for (const count of [-1, 0, 1.5, 100, 1e9, Number.MAX_SAFE_INTEGER, '5', null]) {
        await refused(rich, { giftId: 'rose', count, clientGiftId: giftId() }, 400, 'invalid_input');
      }
    });

    it('refuses unknown gifts, malformed ids and extra fields', async () => {
      await refused(rich, { giftId: 'unicorn', count: 1, clientGiftId: giftId() }, 404, 'not_found');
      await refused(rich, { giftId: '../rose', count: 1, clientGiftId: giftId() }, 400, 'invalid_input');
      await refused(rich, { giftId: 'rose', count: 1, clientGiftId: 'short' }, 400, 'invalid_input');
      await refused(rich, { giftId: 'rose', count: 1, clientGiftId: giftId(), coins: -500 }, 400, 'invalid_input');
    });

    it('refuses a wallet that cannot pay, without touching it', async () => {
      const poor = await member(t);
      await grant(t, poor, ROSE * 3);
      const res = await sendGift(t, sessionId, poor, { giftId: 'rose', count: 4, clientGiftId: giftId() });
      expect(res.status).toBe(402);
      expect(res.body).toMatchObject({ error: { code: 'insufficient_funds', details: { needed: 4, has: 3 } } });
      expect((await walletOf(t, poor)).coins).toBe(3);
    });

    it('refuses anonymous senders, the host, and a banned viewer', async () => {
      await refused(undefined, { giftId: 'rose', count: 1, clientGiftId: giftId() }, 401, 'unauthorized');
      await grant(t, host, 10);
      expect((await sendGift(t, sessionId, host, { giftId: 'rose', count: 1, clientGiftId: giftId() })).status).toBe(403);
      const banned = await member(t);
      await grant(t, banned, 10);
      expect((await call(t, routes.joinSession, { id: sessionId }, banned)).status).toBe(200);
      expect((await call(t, routes.ban, { id: sessionId }, host, { userId: banned.userId })).status).toBe(200);
      const res = await sendGift(t, sessionId, banned, { giftId: 'rose', count: 1, clientGiftId: giftId() });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ error: { code: 'banned' } });
      expect((await walletOf(t, banned)).coins).toBe(10);
    });

    it('refuses gifts to a live not started, ended, private to the sender, or that does not exist', async () => {
      const pending = await live(t, { start: false });
      await refused(rich, { giftId: 'rose', count: 1, clientGiftId: giftId() }, 409, 'invalid_transition', pending.sessionId);
      const ended = await live(t);
      expect((await call(t, routes.endSession, { id: ended.sessionId }, ended.host)).status).toBe(200);
      await refused(rich, { giftId: 'rose', count: 1, clientGiftId: giftId() }, 409, 'invalid_transition', ended.sessionId);
      const hidden = await live(t, { isPublic: false });
      await refused(rich, { giftId: 'rose', count: 1, clientGiftId: giftId() }, 404, 'not_found', hidden.sessionId);
      await refused(rich, { giftId: 'rose', count: 1, clientGiftId: giftId() }, 404, 'not_found', 'no-such-session');
    });

    it('has no checkout on a relay that does not sell coins', async () => {
      const res = await call(t, routes.checkout, {}, rich, { packId: 'coins-550' });
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ error: { code: 'unavailable' } });
    });

    it('refuses dev grants that are not whole positive amounts', async () => {
      for (const coins of [0, -5, 2.5, 10_000_000, 'lots']) {
        expect((await call(t, routes.devGrant, {}, rich, { coins })).status).toBe(400);
      }
      expect((await call(t, routes.devGrant, {}, undefined, { coins: 5 })).status).toBe(401);
    });
  });

  it('npm run ledger:check passes on everything this suite moved', async () => {
    const run = await runLedgerCheck(t.config.database);
    expect(run.output).toMatch(/ledger check ok/);
    expect(run.code).toBe(0);
  }, 120_000);
});
