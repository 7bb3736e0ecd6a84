import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../../protocol/common.js';
import { ViewerIdentityReply } from '../../../protocol/users.js';
import { startTestRelay, testDialects, type ApiResponse, type TestRelay } from '../../support/relay.js';

/** The `afritok_token=…` pair of a reply's Set-Cookie, to send back as a browser would. */
function cookieOf(res: ApiResponse): string {
  const pair = /afritok_token=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0];
  if (!pair) throw new Error('the reply set no sign-in cookie');
  return pair;
}

describe.each(testDialects)('POST /api/auth/viewer: the watch page identity in one call [%s]', (dialect) => {
  let t: TestRelay;
  let now = Date.now();
  beforeAll(async () => {
    t = await startTestRelay({ dialect, env: { SIGNUP_RATE_PER_MINUTE: '2' }, deps: { clock: () => new Date(now) } });
  });
  afterAll(() => t.close());

  const viewer = (headers: Record<string, string> = {}, displayName = 'Viewer') =>
    t.api('POST', '/api/auth/viewer', { body: { displayName }, headers });

  it('makes a silent guest for a first visit, then answers the same person from the cookie', async () => {
    const first = await viewer();
    expect(first.status).toBe(200);
    const made = ViewerIdentityReply.parse(first.body);
    expect(made.created).toBe(true);
    expect(made.user.kind).toBe('guest');
    expect(made.user.displayName).toBe('Viewer');
    const cookie = cookieOf(first);

    const again = await viewer({ cookie });
    expect(again.status).toBe(200);
    expect(ViewerIdentityReply.parse(again.body)).toEqual({ user: made.user, created: false });
    // No new cookie: the browser keeps the one it has.
    expect(again.headers.get('set-cookie')).toBeNull();
  });

  it('answers a registered account as itself, without taking a sign-up and whatever the limit says', async () => {
    const { token, user } = await t.register();
    // Spend the address's sign-ups: a known person is still answered.
    while ((await viewer()).status === 200);
    const known = await viewer({ authorization: `Bearer ${token}` });
    expect(known.status).toBe(200);
    expect(ViewerIdentityReply.parse(known.body)).toMatchObject({ user: { id: user.id, kind: 'account' }, created: false });
    // A stranger past the limit gets 429 with Retry-After and no account.
    const refused = await viewer();
    expect(refused.status).toBe(429);
    expect(ErrorBody.parse(refused.body).error.code).toBe('rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('set-cookie')).toBeNull();
    now += 60_000;
  });

  it('refuses a bad name with 400 and creates nobody; a dead cookie gets a new guest', async () => {
    for (const bad of ['   ', 'x'.repeat(200), 42]) {
      const res = await t.api('POST', '/api/auth/viewer', { body: { displayName: bad } });
      expect(res.status).toBe(400);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    const res = await viewer({ cookie: 'afritok_token=not-a-jwt' });
    expect(res.status).toBe(200);
    expect(ViewerIdentityReply.parse(res.body).created).toBe(true);
  });
});
