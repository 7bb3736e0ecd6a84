import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../../protocol/common.js';
import { ConfigError, loadConfig } from '../../../relay-server/src/config.js';
import { startTestRelay, testDialects, uniqueName, type ApiResponse, type TestRelay } from '../../support/relay.js';

const PER_MINUTE = 3;

function expectLimited(res: ApiResponse, retryAfterSeconds: number): void {
  expect(res.status, JSON.stringify(res.body)).toBe(429);
  expect(ErrorBody.parse(res.body).error.code).toBe('rate_limited');
  expect(Number(res.headers.get('retry-after'))).toBe(retryAfterSeconds);
}

describe('SIGNUP_RATE_PER_MINUTE', () => {
  it('defaults to 30 and refuses values that are not a positive whole number', () => {
    expect(loadConfig({ DATA_DIR: '/tmp/afritok-signup-config' }).signupRatePerMinute).toBe(30);
    expect(loadConfig({ DATA_DIR: '/tmp/afritok-signup-config', SIGNUP_RATE_PER_MINUTE: '5' }).signupRatePerMinute).toBe(5);
    for (const bad of ['0', '-1', '2.5', 'lots']) {
      expect(() => loadConfig({ DATA_DIR: '/tmp/afritok-signup-config', SIGNUP_RATE_PER_MINUTE: bad })).toThrow(ConfigError);
    }
  });
});

describe.each(testDialects)('sign-up rate limit per address [%s]', (dialect) => {
  let t: TestRelay;
  let now = Date.now();
  beforeAll(async () => {
    t = await startTestRelay({ dialect, env: { SIGNUP_RATE_PER_MINUTE: String(PER_MINUTE) }, deps: { clock: () => new Date(now) } });
  });
  afterAll(() => t.close());

  const register = (username: string, headers: Record<string, string> = {}) =>
    t.api('POST', '/api/auth/register', { body: { username, password: 'correct horse battery' }, headers });
  const guest = () => t.api('POST', '/api/auth/guest', { body: { displayName: 'Guest viewer' } });

  it('lets a burst of sign-ups through, then answers 429 with Retry-After and creates nothing', async () => {
    expect((await register(uniqueName())).status).toBe(201);
    expect((await guest()).status).toBe(201);
    expect((await register(uniqueName())).status).toBe(201);

    // One sign-up comes back every 60/PER_MINUTE = 20 s; registrations and guests share the bucket.
    const refused = uniqueName('refused');
    expectLimited(await register(refused), 20);
    expectLimited(await guest(), 20);
    // trust proxy is off: a forged X-Forwarded-For does not buy a fresh bucket.
    expectLimited(await register(refused, { 'x-forwarded-for': '203.0.113.7' }), 20);
    const login = await t.api('POST', '/api/auth/login', { body: { username: refused, password: 'correct horse battery' } });
    expect(login.status).toBe(401);

    now += 20_000;
    expect((await register(refused)).status).toBe(201);
    expectLimited(await guest(), 20);
    // Signing in is not a sign-up: it stays open.
    expect((await t.api('POST', '/api/auth/login', { body: { username: refused, password: 'correct horse battery' } })).status).toBe(200);
  });
});
