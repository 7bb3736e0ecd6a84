/** Sign-up refuses the passwords every guessing script tries first, whatever their case; sign-in is unaffected. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMON_PASSWORD } from '../../../protocol/users.js';
import { startTestRelay, testDialects, uniqueName, type TestRelay } from '../../support/relay.js';

describe.each(testDialects)('common passwords [%s]', (dialect) => {
  let t: TestRelay;
  beforeAll(async () => {
    t = await startTestRelay({ dialect });
  });
  afterAll(() => t.close());

  it.each(['password1', 'Password1', 'iloveyou', 'QWERTYUIOP', 'sunshine1', '12345678'])('refuses %j with a reason and stores nothing', async (password) => {
    const username = uniqueName('pw');
    const res = await t.api('POST', '/api/auth/register', { body: { username, password } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'invalid_input', details: [{ path: 'password', code: COMMON_PASSWORD }] } });
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(await t.storage.users.findByUsername(username)).toBeNull();
  });

  it('accepts a password that is long and not on the list', async () => {
    expect((await t.api('POST', '/api/auth/register', { body: { username: uniqueName('pw'), password: 'violet tractor moonlight' } })).status).toBe(201);
  });
});
