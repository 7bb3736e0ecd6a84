import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotificationsReply, UnreadReply } from '../../../protocol/notifications.js';
import type { Notification } from '../../../protocol/notifications.js';
import { startTestRelay, testDialects, type ClientSocket, type TestRelay } from '../../support/relay.js';
import { account, createSession, expectError, liveSession, parse, type Account } from '../sessions/helpers.js';
import { seedFollowers } from './support/followers.js';

const FOLLOWERS = 10_000;

describe.each(testDialects)('notifications fan-out [%s]', (dialect) => {
  let t: TestRelay;
  let creator: Account;
  let fans: Account[];
  let sockets: ClientSocket[];
  const heard: Notification[][] = [[], [], []];

  beforeAll(async () => {
    t = await startTestRelay({ dialect });
    creator = await account(t);
    fans = await Promise.all([account(t), account(t), account(t)]);
    for (const fan of fans) expect((await t.api('POST', `/api/users/${creator.id}/follow`, { token: fan.token })).status).toBe(200);
    expect((await t.api('PATCH', `/api/users/${creator.id}/follow`, { token: fans[2]!.token, body: { muted: true } })).status).toBe(200);
    sockets = await Promise.all(fans.map((f) => t.socket(f.token)));
    sockets.forEach((s, i) => s.on('notification:new', ({ notification }) => heard[i]!.push(notification)));
    await seedFollowers(t.storage, creator.id, FOLLOWERS);
    // The seeding left fetch's pooled connection idle past the server's keep-alive: let it drop here, not in a test.
    await t.api('GET', '/healthz').catch(() => undefined);
  }, 120_000);
  afterAll(() => t.close());

  it('tells 10,000 followers that the creator went live, in batches, without going live waiting for it', async () => {
    const session = await liveSession(t, creator, { title: 'Friday night live' });
    const id = `live:${session.id}`;
    // The reply came back while the fan-out was still writing: going live did not wait for it.
    expect(await t.storage.notifications.countRecipients(id)).toBeLessThan(FOLLOWERS);
    const everyone = FOLLOWERS + 2; // the muted follower is left out
    await expect.poll(() => t.storage.notifications.countRecipients(id), { timeout: 60_000, interval: 200 }).toBe(everyone);
    await expect.poll(() => heard[0]!.length + heard[1]!.length).toBe(2);
    expect(heard[0]![0]).toMatchObject({ id, kind: 'live', sessionId: session.id, title: 'Friday night live', read: false, creator: { id: creator.id } });
    expect(heard[2]).toEqual([]);

    // The same event run again (a retry) adds nobody twice, and reports its batches.
    const record = await t.storage.sessions.findById(session.id);
    const progress = await t.relay.ctx.services.get('notifications').sessionWentLive(record!);
    expect(progress).toEqual({ batches: Math.ceil(everyone / 1000), recipients: everyone });
    expect(await t.storage.notifications.countRecipients(id)).toBe(everyone);
  }, 120_000);

  it('keeps a notification centre per person: list, unread count, mark read', async () => {
    const fan = fans[0]!;
    const before = parse(NotificationsReply, await t.api('GET', '/api/notifications', { token: fan.token }), 200);
    expect(before.unreadCount).toBe(1);
    expect(before.notifications[0]).toMatchObject({ kind: 'live', read: false });
    const after = parse(UnreadReply, await t.api('POST', '/api/notifications/read', { token: fan.token, body: { ids: [before.notifications[0]!.id] } }), 200);
    expect(after.unreadCount).toBe(0);
    expect(parse(NotificationsReply, await t.api('GET', '/api/notifications', { token: fan.token }), 200).notifications[0]?.read).toBe(true);
    expect(parse(NotificationsReply, await t.api('GET', '/api/notifications', { token: fans[2]!.token }), 200)).toEqual({ notifications: [], unreadCount: 0 });
    expectError(await t.api('GET', '/api/notifications'), 401, 'unauthorized');
    expectError(await t.api('POST', '/api/notifications/read', { token: fan.token, body: { ids: ['x'.repeat(101)] } }), 400, 'invalid_input');
    expectError(await t.api('POST', '/api/notifications/read', { token: fan.token, body: { ids: Array(51).fill('a') } }), 400, 'invalid_input');
  });

  it('tells nobody of a private live', async () => {
    const host = await account(t);
    const fan = fans[1]!;
    expect((await t.api('POST', `/api/users/${host.id}/follow`, { token: fan.token })).status).toBe(200);
    const session = await createSession(t, host, { isPublic: false });
    expect((await t.api('POST', `/api/sessions/${session.id}/start`, { token: host.token })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(await t.storage.notifications.countRecipients(`live:${session.id}`)).toBe(0);
  });
});
