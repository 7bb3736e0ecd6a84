import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountSettingsReply } from '../../../protocol/account-settings.js';
import { ErrorBody } from '../../../protocol/common.js';
import { startTestRelay, testDialects, type TestRelay } from '../../support/relay.js';

const errorCode = (body: unknown) => ErrorBody.parse(body).error.code;

describe.each(testDialects)('account settings [%s]', (dialect) => {
  let t: TestRelay;

  beforeAll(async () => {
    t = await startTestRelay({ dialect });
  });
  afterAll(async () => t?.close());

  const read = async (token: string) => {
    const res = await t.api('GET', '/api/me/settings', { token });
    expect(res.status).toBe(200);
    return AccountSettingsReply.parse(res.body);
  };
  const patch = (token: string | undefined, body: unknown) => t.api('PATCH', '/api/me/settings', { token, body });

  it('a new account has no saved settings (the studio uses its defaults)', async () => {
    const { token } = await t.register();
    expect(await read(token)).toEqual({ settings: {}, updatedAt: null });
  });

  it('saves language and output, answers the whole record, and keeps them for the next sign-in', async () => {
    const { user, token } = await t.register();
    const login = async () => {
      const res = await t.api('POST', '/api/auth/login', { body: { username: user.username, password: 'correct horse battery' } });
      return (res.body as { token: string }).token;
    };
    expect((await patch(token, { language: 'fr' })).status).toBe(200);
    const second = await patch(token, { output: { preset: '1080x1920', fps: 60 } });
    expect(AccountSettingsReply.parse(second.body).settings).toEqual({ language: 'fr', output: { preset: '1080x1920', fps: 60 } });
    // A later sign-in (another browser) reads the same record.
    const later = await read(await login());
    expect(later.settings).toEqual({ language: 'fr', output: { preset: '1080x1920', fps: 60 } });
    expect(later.updatedAt).not.toBeNull();
  });

  it('keeps each person to their own settings', async () => {
    const ama = await t.register();
    const kofi = await t.register();
    await patch(ama.token, { language: 'fr' });
    expect((await read(kofi.token)).settings).toEqual({});
    await patch(kofi.token, { language: 'en' });
    expect((await read(ama.token)).settings).toEqual({ language: 'fr' });
  });

  it('two changes to different settings at once both survive', async () => {
    const { token } = await t.register();
    const results = await Promise.all([patch(token, { language: 'fr' }), patch(token, { output: { preset: '1920x1080', fps: 30 } })]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect((await read(token)).settings).toEqual({ language: 'fr', output: { preset: '1920x1080', fps: 30 } });
  });

  it('keeps the small output a weak machine needs: 854×480 at 24 fps, and its portrait twin', async () => {
    const { token } = await t.register();
    expect((await patch(token, { output: { preset: '854x480', fps: 24 } })).status).toBe(200);
    expect((await read(token)).settings).toEqual({ output: { preset: '854x480', fps: 24 } });
    expect((await patch(token, { output: { preset: '480x854', fps: 24 } })).status).toBe(200);
    expect((await read(token)).settings).toEqual({ output: { preset: '480x854', fps: 24 } });
  });

  it('a guest account (viewer who picked a name) keeps settings too', async () => {
    const { token } = await t.guest('Esi');
    expect((await patch(token, { language: 'fr' })).status).toBe(200);
    expect((await read(token)).settings).toEqual({ language: 'fr' });
  });

  describe('hostile input changes nothing', () => {
    let token: string;
    const saved = { language: 'fr', output: { preset: '720x1280', fps: 30 } } as const;

    beforeAll(async () => {
      token = (await t.register()).token;
      expect((await patch(token, saved)).status).toBe(200);
    });

    it('refuses anonymous callers with 401, a forged token too', async () => {
      expect((await t.api('GET', '/api/me/settings')).status).toBe(401);
      const anonymous = await patch(undefined, { language: 'en' });
      expect(anonymous.status).toBe(401);
      expect(errorCode(anonymous.body)).toBe('unauthorized');
      expect((await patch('not-a-token', { language: 'en' })).status).toBe(401);
    });

    it.each([
      ['an unknown setting', { theme: 'dark' }],
      ['an unknown setting beside a good one', { language: 'en', recordingsFolder: '/etc' }],
      ['a language we do not have', { language: 'de' }],
      ['a language of the wrong type', { language: ['en'] }],
      ['an oversized value', { language: 'e'.repeat(100_000) }],
      ['an output size that is no preset', { output: { preset: '99999x99999', fps: 30 } }],
      ['a frame rate that is no choice', { output: { preset: '1280x720', fps: 240 } }],
      ['25 fps, not one of the offered rates', { output: { preset: '854x480', fps: 25 } }],
      ['an output with an extra key', { output: { preset: '1280x720', fps: 30, bitrate: 1e9 } }],
      ['null', { language: null }],
      ['nothing to change', {}],
      ['an array', [{ language: 'en' }]],
      ['a prototype key', '{"__proto__":{"language":"en"}}'],
      ['not JSON', '{language:'],
    ])('%s → 400', async (_what, body) => {
      const res = await patch(token, body);
      expect(res.status).toBe(400);
      expect(errorCode(res.body)).toBe('invalid_input');
      expect((await read(token)).settings).toEqual(saved);
    });

    it('a body past the 1 MiB limit is refused and changes nothing', async () => {
      const res = await patch(token, { language: 'en', padding: 'x'.repeat(1_100_000) });
      expect(res.status).toBe(413);
      expect((await read(token)).settings).toEqual(saved);
    });

    it('a stored value today\'s schema refuses (older version, hand edit) is left out, the others stay', async () => {
      const { token: own, user } = await t.register();
      await patch(own, { language: 'fr' });
      await t.storage.accountSettings.put([{ userId: user.id, name: 'output', value: { preset: '4k', fps: 120 }, updatedAt: new Date() }]);
      await t.storage.accountSettings.put([{ userId: user.id, name: 'retired-setting', value: true, updatedAt: new Date() }]);
      expect((await read(own)).settings).toEqual({ language: 'fr' });
    });
  });
});
