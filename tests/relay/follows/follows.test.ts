import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FollowReply, ProfilePageReply, ProfileReply } from '../../../protocol/follows.js';
import { ChatSettingsReply } from '../../../protocol/chat.js';
import { startTestRelay, testDialects, type TestRelay } from '../../support/relay.js';
import { account, emit, expectError, joinRoom, liveSession, nextEvent, parse, type Account } from '../sessions/helpers.js';

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 90 } } }).png().toBuffer();

describe.each(testDialects)('follows and profiles [%s]', (dialect) => {
  let t: TestRelay;
  let offsetMs = 0;
  beforeAll(async () => {
    t = await startTestRelay({ dialect, deps: { clock: () => new Date(Date.now() + offsetMs) } });
  });
  afterAll(() => t.close());

  const profile = async (userId: string, who?: Account) =>
    parse(ProfileReply, await t.api('GET', `/api/users/${userId}`, { token: who?.token }), 200).user;
  const follow = async (creator: Account, fan: Account, method = 'POST') =>
    parse(FollowReply, await t.api(method, `/api/users/${creator.id}/follow`, { token: fan.token }), 200);

  it('follows and unfollows: the count and isFollowing are the caller own, repeats change nothing', async () => {
    const [creator, fan, other] = await Promise.all([account(t), account(t), account(t)]);
    expect(await follow(creator, fan)).toEqual({ followerCount: 1, isFollowing: true });
    expect(await follow(creator, fan)).toEqual({ followerCount: 1, isFollowing: true });
    expect(await profile(creator.id, fan)).toMatchObject({ followerCount: 1, isFollowing: true, notificationsMuted: false });
    expect(await profile(creator.id, other)).toMatchObject({ followerCount: 1, isFollowing: false, followingSince: null });
    expect(await profile(creator.id)).toMatchObject({ followerCount: 1, isFollowing: false });
    expect(await follow(creator, fan, 'DELETE')).toEqual({ followerCount: 0, isFollowing: false });
    expect(await follow(creator, fan, 'DELETE')).toEqual({ followerCount: 0, isFollowing: false });
    expect(await profile(creator.id, fan)).toMatchObject({ followerCount: 0, isFollowing: false });
  });

  it('refuses following yourself, a guest, an unknown user, or while signed out', async () => {
    const [creator, fan] = await Promise.all([account(t), account(t)]);
    const guest = await t.guest('Passer-by');
    expectError(await t.api('POST', `/api/users/${fan.id}/follow`, { token: fan.token }), 400, 'invalid_input');
    expectError(await t.api('POST', `/api/users/${guest.user.id}/follow`, { token: fan.token }), 400, 'invalid_input');
    expectError(await t.api('POST', '/api/users/nobody-at-all/follow', { token: fan.token }), 404, 'not_found');
    expectError(await t.api('POST', `/api/users/${creator.id}/follow`), 401, 'unauthorized');
    expectError(await t.api('GET', '/api/users/nobody-at-all'), 404, 'not_found');
    expectError(await t.api('GET', `/api/users/${'x'.repeat(65)}`), 400, 'invalid_input');
    expect((await profile(creator.id)).followerCount).toBe(0);
  });

  it('tells the creator of a new follower once, however often a follow/unfollow loop runs, and rate-limits the loop', async () => {
    const [creator, fan] = await Promise.all([account(t), account(t)]);
    const socket = await t.socket(creator.token);
    const heard: unknown[] = [];
    socket.on('follower:new', (payload) => heard.push(payload));
    const first = nextEvent(socket, 'follower:new');
    await follow(creator, fan);
    expect(await first).toMatchObject({ creatorId: creator.id, follower: { id: fan.id }, followerCount: 1 });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await t.api(i % 2 ? 'POST' : 'DELETE', `/api/users/${creator.id}/follow`, { token: fan.token });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(9);
    expect(statuses.slice(9)).toEqual([429, 429, 429]);
    await new Promise((r) => setTimeout(r, 200));
    expect(heard).toHaveLength(1);
  });

  it('mutes one creator notifications, only for a follower', async () => {
    const [creator, fan] = await Promise.all([account(t), account(t)]);
    expectError(await t.api('PATCH', `/api/users/${creator.id}/follow`, { token: fan.token, body: { muted: true } }), 403, 'forbidden');
    await follow(creator, fan);
    const muted = parse(ProfileReply, await t.api('PATCH', `/api/users/${creator.id}/follow`, { token: fan.token, body: { muted: true } }), 200);
    expect(muted.user).toMatchObject({ isFollowing: true, notificationsMuted: true });
    expectError(await t.api('PATCH', `/api/users/${creator.id}/follow`, { token: fan.token, body: { muted: 'yes' } }), 400, 'invalid_input');
  });

  it('edits the profile (display name, bio) with clean text, and shows the live now and past public lives', async () => {
    const creator = await t.register();
    const me = { id: creator.user.id, token: creator.token };
    const edited = parse(ProfileReply, await t.api('PATCH', '/api/profile', { token: me.token, body: { displayName: 'Awa  Diop', bio: 'Griot 🎙️\nFridays 20:00' } }), 200);
    expect(edited.user).toMatchObject({ displayName: 'Awa Diop', bio: 'Griot 🎙️\nFridays 20:00' });
    expectError(await t.api('PATCH', '/api/profile', { token: me.token, body: { bio: 'x'.repeat(301) } }), 400, 'invalid_input');
    expectError(await t.api('PATCH', '/api/profile', { token: me.token, body: {} }), 400, 'invalid_input');
    expectError(await t.api('PATCH', '/api/profile', { token: me.token, body: { displayName: '' } }), 400, 'invalid_input');
    expectError(await t.api('PATCH', '/api/profile', { token: me.token, body: { isAdmin: true, bio: 'x' } }), 400, 'invalid_input');
    expectError(await t.api('PATCH', '/api/profile', { body: { bio: 'x' } }), 401, 'unauthorized');
    expect((await profile(me.id)).bio).toBe('Griot 🎙️\nFridays 20:00');

    const past = await liveSession(t, me, { title: 'Yesterday' });
    expect((await t.api('POST', `/api/sessions/${past.id}/end`, { token: me.token })).status).toBe(200);
    const secret = await liveSession(t, me, { title: 'Private rehearsal', isPublic: false });
    expect((await t.api('POST', `/api/sessions/${secret.id}/end`, { token: me.token })).status).toBe(200);
    const now = await liveSession(t, me, { title: 'On air' });
    const page = parse(ProfilePageReply, await t.api('GET', `/api/profiles/${creator.user.username}`), 200);
    expect(page.live?.id).toBe(now.id);
    expect(page.pastLives.map((s) => s.title)).toEqual(['Yesterday']);
    expectError(await t.api('GET', '/api/profiles/no_such_person'), 404, 'not_found');
    expectError(await t.api('GET', '/api/profiles/NOT%20a%20name'), 400, 'invalid_input');
  });

  it('takes an avatar image, re-encodes it to a 256 px WebP, serves it, and removes it', async () => {
    const me = await account(t);
    const res = await fetch(`${t.url}/api/profile/avatar`, {
      method: 'POST',
      headers: { authorization: `Bearer ${me.token}`, 'content-type': 'image/png' },
      body: await png(800, 600),
    });
    expect(res.status).toBe(200);
    const { user } = ProfileReply.parse(await res.json());
    expect(user.avatarUrl).toMatch(new RegExp(`^/api/users/${me.id}/avatar\\?v=\\d+$`));
    const image = await fetch(`${t.url}${user.avatarUrl}`);
    expect(image.headers.get('content-type')).toBe('image/webp');
    const meta = await sharp(Buffer.from(await image.arrayBuffer())).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 256, height: 256 });
    const removed = parse(ProfileReply, await t.api('DELETE', '/api/profile/avatar', { token: me.token }), 200);
    expect(removed.user.avatarUrl).toBeNull();
    expectError(await t.api('GET', `/api/users/${me.id}/avatar`), 404, 'not_found');
  });

  it('refuses avatar files that are not images, are huge, or are decompression bombs, and keeps the old avatar', async () => {
    const me = await account(t);
    const upload = (body: Buffer | string, type: string, token: string | null = me.token) =>
      fetch(`${t.url}/api/profile/avatar`, { method: 'POST', headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': type }, body });
    expect((await upload(await png(64, 64), 'image/png')).status).toBe(200);
    const before = await profile(me.id);
    const refusals = [
      [await upload('<svg onload="alert(1)"/>', 'image/png'), 400],
      [await upload('#!/bin/sh\necho pwned', 'text/plain'), 415],
      [await upload(Buffer.from('GIF89a not really'), 'image/gif'), 400],
      [await upload(Buffer.alloc(6 * 1024 * 1024, 1), 'image/jpeg'), 413],
      [await upload(await sharp({ create: { width: 6000, height: 6000, channels: 3, background: '#000' } }).png().toBuffer(), 'image/png'), 400],
      [await upload(Buffer.alloc(0), 'image/png'), 400],
      [await upload(await png(64, 64), 'image/png', null), 401],
    ] as const;
    for (const [res, status] of refusals) expect(res.status).toBe(status);
    expect((await profile(me.id)).avatarUrl).toBe(before.avatarUrl);
  });

  it('followers-only chat lets through followers of the minimum age, the host and moderators', async () => {
    const [host, fan, stranger] = await Promise.all([account(t), account(t), account(t)]);
    const session = await liveSession(t, host);
    const settings = await t.api('PATCH', `/api/sessions/${session.id}/chat/settings`, {
      token: host.token,
      body: { followersOnly: true, followersOnlyMinutes: 10 },
    });
    expect(parse(ChatSettingsReply, settings, 200).settings).toMatchObject({ followersOnly: true, followersOnlyMinutes: 10 });
    const [hostSocket, fanSocket, strangerSocket] = await Promise.all([t.socket(host.token), t.socket(fan.token), t.socket(stranger.token)]);
    for (const s of [hostSocket, fanSocket, strangerSocket]) await joinRoom(s, session.id);
    let n = 0;
    const say = (socket: typeof fanSocket) => emit(socket, 'chat:send', { sessionId: session.id, content: 'hello', clientMessageId: `cid-${Date.now()}-${n++}` });
    const code = async (socket: typeof fanSocket) => {
      const ack = await say(socket);
      return ack.ok ? 'ok' : ack.error.code;
    };
    expect(await code(strangerSocket)).toBe('followers_only');
    await follow(host, fan);
    expect(await code(fanSocket)).toBe('followers_only');
    expect(await code(hostSocket)).toBe('ok');
    offsetMs += 11 * 60_000;
    expect(await code(fanSocket)).toBe('ok');
    expect(await code(strangerSocket)).toBe('followers_only');
    expect((await emit(strangerSocket, 'chat:react', { sessionId: session.id, emoji: '🔥' })).ok).toBe(true);
    expectError(
      await t.api('PATCH', `/api/sessions/${session.id}/chat/settings`, { token: host.token, body: { followersOnlyMinutes: 10_000_000 } }),
      400,
      'invalid_input',
    );
  });
});
