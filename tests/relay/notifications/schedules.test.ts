import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notification } from '../../../protocol/notifications.js';
import { NotificationsReply, ScheduledLiveReply, ScheduledLivesReply } from '../../../protocol/notifications.js';
import { SCHEDULE_MAX_UPCOMING } from '../../../protocol/notifications.js';
import { startTestRelay, testDialects, type TestRelay } from '../../support/relay.js';
import { account, expectError, liveSession, parse, type Account } from '../sessions/helpers.js';

const MINUTE = 60_000;

describe.each(testDialects)('scheduled lives [%s]', (dialect) => {
  let t: TestRelay;
  let offsetMs = 0;
  beforeAll(async () => {
    t = await startTestRelay({ dialect, deps: { clock: () => new Date(Date.now() + offsetMs) } });
  });
  afterAll(() => t.close());

  const now = () => Date.now() + offsetMs;
  const at = (fromNowMs: number) => new Date(now() + fromNowMs).toISOString();
  const schedule = (who: Account, body: unknown) => t.api('POST', '/api/schedules', { token: who.token, body });
  const upcomingOf = async (who: Account) => parse(ScheduledLivesReply, await t.api('GET', `/api/users/${who.id}/schedules`), 200).scheduledLives;
  const centre = async (who: Account) => parse(NotificationsReply, await t.api('GET', '/api/notifications', { token: who.token }), 200);
  const remindDue = () => t.relay.ctx.services.get('schedules').remindDue();

  async function creatorWithFan() {
    const [creator, fan] = await Promise.all([account(t), account(t)]);
    expect((await t.api('POST', `/api/users/${creator.id}/follow`, { token: fan.token })).status).toBe(200);
    return { creator, fan };
  }

  it('announces a live: listed on the creator, in the directory list, soonest first; the creator withdraws it', async () => {
    const creator = await account(t);
    const later = parse(ScheduledLiveReply, await schedule(creator, { title: 'Sunday talk', startsAt: at(48 * 60 * MINUTE) }), 201).scheduledLive;
    const sooner = parse(ScheduledLiveReply, await schedule(creator, { title: 'Friday night', startsAt: at(2 * 60 * MINUTE) }), 201).scheduledLive;
    expect(sooner).toMatchObject({ title: 'Friday night', creator: { id: creator.id } });
    expect((await upcomingOf(creator)).map((s) => s.title)).toEqual(['Friday night', 'Sunday talk']);
    const everyone = parse(ScheduledLivesReply, await t.api('GET', '/api/schedules'), 200).scheduledLives;
    expect(everyone.map((s) => s.id)).toEqual(expect.arrayContaining([sooner.id, later.id]));
    expect((await t.api('DELETE', `/api/schedules/${later.id}`, { token: creator.token })).status).toBe(204);
    expect((await upcomingOf(creator)).map((s) => s.title)).toEqual(['Friday night']);
  });

  it('refuses past times, times too far ahead, huge or empty titles, bad dates, signed-out callers, and too many at once; nothing is written', async () => {
    const creator = await account(t);
    expectError(await schedule(creator, { title: 'Yesterday', startsAt: at(-MINUTE) }), 400, 'invalid_input');
    expectError(await schedule(creator, { title: 'Now', startsAt: at(0) }), 400, 'invalid_input');
    expectError(await schedule(creator, { title: 'Next year', startsAt: at(400 * 24 * 60 * MINUTE) }), 400, 'invalid_input');
    expectError(await schedule(creator, { title: 'x'.repeat(121), startsAt: at(MINUTE * 10) }), 400, 'invalid_input');
    expectError(await schedule(creator, { title: 'y'.repeat(100_000), startsAt: at(MINUTE * 10) }), 400, 'invalid_input');
    expectError(await schedule(creator, { title: '   ', startsAt: at(MINUTE * 10) }), 400, 'invalid_input');
    expectError(await schedule(creator, { title: 'No zone', startsAt: '2030-01-01T20:00:00' }), 400, 'invalid_input');
    expectError(await schedule(creator, { title: 'Gibberish', startsAt: 'tomorrow evening' }), 400, 'invalid_input');
    expectError(await schedule(creator, { title: 'Extra', startsAt: at(MINUTE * 10), hostId: 'someone' }), 400, 'invalid_input');
    expectError(await t.api('POST', '/api/schedules', { body: { title: 'Anonymous', startsAt: at(MINUTE * 10) } }), 401, 'unauthorized');
    const guest = await t.guest('Passer-by');
    expectError(await t.api('POST', '/api/schedules', { token: guest.token, body: { title: 'Guest show', startsAt: at(MINUTE * 10) } }), 403, 'forbidden');
    expect(await upcomingOf(creator)).toEqual([]);
    for (let i = 0; i < SCHEDULE_MAX_UPCOMING; i++) expect((await schedule(creator, { title: `Show ${i}`, startsAt: at((i + 1) * 60 * MINUTE) })).status).toBe(201);
    expectError(await schedule(creator, { title: 'One too many', startsAt: at(MINUTE * 10) }), 400, 'invalid_input');
    expect(await upcomingOf(creator)).toHaveLength(SCHEDULE_MAX_UPCOMING);
  });

  it("refuses withdrawing someone else's announcement (and an unknown one); it stays", async () => {
    const [creator, other] = await Promise.all([account(t), account(t)]);
    const mine = parse(ScheduledLiveReply, await schedule(creator, { title: 'Mine', startsAt: at(60 * MINUTE) }), 201).scheduledLive;
    expectError(await t.api('DELETE', `/api/schedules/${mine.id}`, { token: other.token }), 403, 'forbidden');
    expectError(await t.api('DELETE', `/api/schedules/${mine.id}`), 401, 'unauthorized');
    expectError(await t.api('DELETE', '/api/schedules/no-such-announcement', { token: creator.token }), 404, 'not_found');
    expect((await upcomingOf(creator)).map((s) => s.id)).toEqual([mine.id]);
  });

  it('reminds followers once when the time comes (socket and centre); a second sweep, or a second node, sends nothing more', async () => {
    const { creator, fan } = await creatorWithFan();
    const socket = await t.socket(fan.token);
    const heard: Notification[] = [];
    socket.on('notification:new', ({ notification }) => heard.push(notification));
    const announced = parse(ScheduledLiveReply, await schedule(creator, { title: 'Storytelling hour', startsAt: at(10 * MINUTE) }), 201).scheduledLive;
    await remindDue();
    expect(heard).toEqual([]);
    offsetMs += 10 * MINUTE + 1000;
    try {
      expect(await remindDue()).toBeGreaterThanOrEqual(1);
      await expect.poll(() => heard.length).toBe(1);
      expect(heard[0]).toMatchObject({ id: `scheduled:${announced.id}`, kind: 'scheduled', title: 'Storytelling hour', sessionId: null, creator: { id: creator.id } });
      await remindDue();
      await remindDue();
      const mine = await centre(fan);
      expect(mine.notifications.filter((n) => n.id === `scheduled:${announced.id}`)).toHaveLength(1);
      expect(await t.storage.notifications.countRecipients(`scheduled:${announced.id}`)).toBe(1);
      // Reminded announcements leave the upcoming lists.
      expect(await upcomingOf(creator)).toEqual([]);
      // Two sweeps racing (two nodes): one claim wins.
      const racing = parse(ScheduledLiveReply, await schedule(creator, { title: 'Race', startsAt: at(MINUTE) }), 201).scheduledLive;
      offsetMs += 2 * MINUTE;
      const claims = await Promise.all([
        t.storage.scheduledLives.claimReminder(racing.id, new Date(now()), null),
        t.storage.scheduledLives.claimReminder(racing.id, new Date(now()), null),
      ]);
      expect(claims.filter(Boolean)).toHaveLength(1);
    } finally {
      socket.close();
    }
  });

  it('going live shortly before the announced time keeps the appointment: followers get "live now" and no separate reminder', async () => {
    const { creator, fan } = await creatorWithFan();
    const announced = parse(ScheduledLiveReply, await schedule(creator, { title: 'Evening show', startsAt: at(20 * MINUTE) }), 201).scheduledLive;
    const session = await liveSession(t, creator, { title: 'Evening show' });
    await expect.poll(async () => (await centre(fan)).notifications.map((n) => n.id)).toContain(`live:${session.id}`);
    expect(await upcomingOf(creator)).toEqual([]);
    offsetMs += 21 * MINUTE;
    await remindDue();
    expect(await t.storage.notifications.countRecipients(`scheduled:${announced.id}`)).toBe(0);
    expect((await t.storage.scheduledLives.find(announced.id))?.sessionId).toBe(session.id);
  });

  it('a live far from the announced time does not keep it; at the time the reminder leads to the live already on', async () => {
    const { creator, fan } = await creatorWithFan();
    const announced = parse(ScheduledLiveReply, await schedule(creator, { title: 'Late show', startsAt: at(3 * 60 * MINUTE) }), 201).scheduledLive;
    const session = await liveSession(t, creator, { title: 'Early surprise' });
    expect((await upcomingOf(creator)).map((s) => s.id)).toEqual([announced.id]);
    offsetMs += 3 * 60 * MINUTE + 1000;
    await remindDue();
    await expect.poll(async () => (await centre(fan)).notifications.find((n) => n.id === `scheduled:${announced.id}`)?.sessionId).toBe(session.id);
  });
});
