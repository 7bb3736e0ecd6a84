import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthReply, MeReply, UsersReply } from '../../../protocol/users.js';
import { ErrorBody } from '../../../protocol/common.js';
import { startTestRelay, testDialects, uniqueName, type TestRelay } from '../../support/relay.js';

const errorCode = (body: unknown) => ErrorBody.parse(body).error.code;

describe.each(testDialects)('auth [%s]', (dialect) => {
  let t: TestRelay;
  beforeAll(async () => {
    t = await startTestRelay({ dialect });
  });
  afterAll(() => t.close());

  it('registers an account, answers {user, token} and sets an httpOnly SameSite=Lax cookie', async () => {
    const username = uniqueName('reg');
    const res = await t.api('POST', '/api/auth/register', {
      body: { username, password: 'long enough pw', displayName: 'Amina 🎤' },
    });
    expect(res.status).toBe(201);
    const { user, token } = AuthReply.parse(res.body);
    expect(user).toMatchObject({ username, displayName: 'Amina 🎤', kind: 'account' });
    expect(JSON.stringify(res.body)).not.toContain('password');
    expect(token.length).toBeGreaterThan(20);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^afritok_token=[^;]+;/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/); // plain http here
  });

  it('refuses a taken username with 409 duplicate', async () => {
    const { user } = await t.register();
    const res = await t.api('POST', '/api/auth/register', { body: { username: user.username, password: 'another password' } });
    expect(res.status).toBe(409);
    expect(errorCode(res.body)).toBe('duplicate');
  });

  it.each([
    [{ username: 'ab', password: 'long enough pw' }],
    [{ username: 'Upper_Case', password: 'long enough pw' }],
    [{ username: 'ünïcode', password: 'long enough pw' }],
    [{ username: 'okname', password: 'short' }],
    [{ username: 'okname', password: 'x'.repeat(257) }],
    [{ username: 'okname', password: 'long enough pw', extra: true }],
    [{ username: 'okname', password: 'long enough pw', displayName: '\u200b\u200b' }],
    [{ username: 'x'.repeat(100_000), password: 'long enough pw' }],
  ])('refuses bad registration input %j with 400 invalid_input', async (body) => {
    const res = await t.api('POST', '/api/auth/register', { body });
    expect(res.status).toBe(400);
    expect(errorCode(res.body)).toBe('invalid_input');
  });

  it('logs in with the right password, not with a wrong one or an unknown user', async () => {
    const username = uniqueName('login');
    await t.register(username, 'the right password');
    const ok = await t.api('POST', '/api/auth/login', { body: { username, password: 'the right password' } });
    expect(ok.status).toBe(200);
    expect(AuthReply.parse(ok.body).user.username).toBe(username);
    const wrong = await t.api('POST', '/api/auth/login', { body: { username, password: 'the wrong password' } });
    expect(wrong.status).toBe(401);
    expect(errorCode(wrong.body)).toBe('unauthorized');
    const unknown = await t.api('POST', '/api/auth/login', { body: { username: uniqueName('nobody'), password: 'whatever1' } });
    expect(unknown.status).toBe(401);
  });

  it('accepts the token as a Bearer header and as the cookie on /auth/me', async () => {
    const { user, token } = await t.register();
    const bearer = await t.api('GET', '/api/auth/me', { token });
    expect(bearer.status).toBe(200);
    expect(MeReply.parse(bearer.body).user.id).toBe(user.id);
    const cookie = await t.api('GET', '/api/auth/me', { headers: { cookie: `theme=dark; afritok_token=${token}` } });
    expect(cookie.status).toBe(200);
    expect(MeReply.parse(cookie.body).user.id).toBe(user.id);
  });

  it('answers 401 to /auth/me without a token or with a forged one', async () => {
    expect((await t.api('GET', '/api/auth/me')).status).toBe(401);
    const { token } = await t.register();
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(43)}`;
    const res = await t.api('GET', '/api/auth/me', { token: forged });
    expect(res.status).toBe(401);
    expect(errorCode(res.body)).toBe('unauthorized');
    expect((await t.api('GET', '/api/auth/me', { token: 'not-a-jwt' })).status).toBe(401);
  });

  it('creates guest accounts with unique generated usernames and no password', async () => {
    const a = await t.api('POST', '/api/auth/guest', { body: { displayName: 'Kofi' } });
    const b = await t.api('POST', '/api/auth/guest', { body: { displayName: 'Kofi' } });
    expect(a.status).toBe(201);
    const ga = AuthReply.parse(a.body);
    const gb = AuthReply.parse(b.body);
    expect(ga.user.kind).toBe('guest');
    expect(ga.user.displayName).toBe('Kofi');
    expect(ga.user.username).toMatch(/^guest_[a-z0-9]+$/);
    expect(ga.user.username).not.toBe(gb.user.username);
    expect((await t.api('GET', '/api/auth/me', { token: ga.token })).status).toBe(200);
    // A guest has no password: logging in as one never works.
    const login = await t.api('POST', '/api/auth/login', { body: { username: ga.user.username, password: 'anything at all' } });
    expect(login.status).toBe(401);
    expect((await t.api('POST', '/api/auth/guest', { body: { displayName: '   ' } })).status).toBe(400);
  });

  it('logout revokes the token (bearer and cookie) and clears the cookie', async () => {
    const { token } = await t.register();
    const out = await t.api('POST', '/api/auth/logout', { token });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/afritok_token=;.*Max-Age=0/);
    expect((await t.api('GET', '/api/auth/me', { token })).status).toBe(401);
    expect((await t.api('GET', '/api/auth/me', { headers: { cookie: `afritok_token=${token}` } })).status).toBe(401);
    // Logging out again, or without a token, is harmless.
    expect((await t.api('POST', '/api/auth/logout', { token })).status).toBe(204);
    expect((await t.api('POST', '/api/auth/logout')).status).toBe(204);
  });

  it('searches accounts by a prefix of 3+ characters, never guests, at most 10, for signed-in callers, rate-limited', async () => {
    const prefix = uniqueName('s').slice(0, 12);
    const { token } = await t.register(`${prefix}_me`);
    for (let i = 0; i < 22; i++) await t.register(`${prefix}_${String(i).padStart(2, '0')}`, 'a less guessable password');
    await t.guest(prefix);
    const res = await t.api('GET', `/api/users?search=${prefix}`, { token });
    expect(res.status).toBe(200);
    const { users } = UsersReply.parse(res.body);
    expect(users).toHaveLength(10);
    expect(users.every((u) => u.kind === 'account' && u.username.startsWith(prefix))).toBe(true);
    const one = UsersReply.parse((await t.api('GET', `/api/users?search=${prefix}_07`, { token })).body);
    expect(one.users.map((u) => u.username)).toEqual([`${prefix}_07`]);
    expect((await t.api('GET', `/api/users?search=${prefix}`)).status).toBe(401);
    expect((await t.api('GET', `/api/users?search=${'x'.repeat(40)}`, { token })).status).toBe(400);
    for (const short of ['', 's', 's_', '  s_  ']) expect((await t.api('GET', `/api/users?search=${encodeURIComponent(short)}`, { token })).status, short).toBe(400);
    const statuses: number[] = [];
    for (let i = 0; i < 40; i += 1) statuses.push((await t.api('GET', `/api/users?search=${prefix}`, { token })).status);
    expect(statuses).toContain(429);
  });
});

describe('login rate limit', () => {
  let t: TestRelay;
  beforeAll(async () => {
    t = await startTestRelay({ dialect: 'sqlite' });
  });
  afterAll(() => t.close());

  it('lets a user sign in again and again with the right password', async () => {
    const username = uniqueName('often');
    await t.register(username, 'the right password');
    for (let i = 0; i < 15; i++) {
      expect((await t.api('POST', '/api/auth/login', { body: { username, password: 'the right password' } })).status).toBe(200);
    }
  });

  it('answers 429 with Retry-After after repeated failures on one username, even with the right password', async () => {
    const username = uniqueName('victim');
    await t.register(username, 'the right password');
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      statuses.push((await t.api('POST', '/api/auth/login', { body: { username, password: `guess-${i}-xx` } })).status);
    }
    expect(statuses.every((s) => s === 401)).toBe(true);
    const limited = await t.api('POST', '/api/auth/login', { body: { username, password: 'the right password' } });
    expect(limited.status).toBe(429);
    expect(errorCode(limited.body)).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // trust proxy is off: a forged X-Forwarded-For does not buy a fresh bucket.
    const spoofed = await t.api('POST', '/api/auth/login', {
      body: { username, password: 'the right password' },
      headers: { 'x-forwarded-for': '203.0.113.9' },
    });
    expect(spoofed.status).toBe(429);
    // Parallel guesses on a fresh username cannot slip past the limit together.
    const target = uniqueName('burst');
    await t.register(target, 'the right password');
    const burst = await Promise.all(
      Array.from({ length: 16 }, (_, i) => t.api('POST', '/api/auth/login', { body: { username: target, password: `parallel-${i}` } })),
    );
    expect(burst.filter((r) => r.status === 401)).toHaveLength(10);
    expect(burst.filter((r) => r.status === 429)).toHaveLength(6);
    // Another username from the same address is not affected.
    const other = uniqueName('other');
    await t.register(other, 'the right password');
    expect((await t.api('POST', '/api/auth/login', { body: { username: other, password: 'the right password' } })).status).toBe(200);
  });
});
