import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../../protocol/common.js';
import { NewStreamKeyReply, StreamKeysReply } from '../../../protocol/ingest.js';
import { startTestRelay, testDialects, type TestRelay } from '../../support/relay.js';

const errorCode = (body: unknown) => ErrorBody.parse(body).error.code;

describe.each(testDialects)('stream keys [%s]', (dialect) => {
  let t: TestRelay;
  let owner: { token: string; user: { id: string; username: string } };

  beforeAll(async () => {
    t = await startTestRelay({ dialect });
    owner = await t.register();
  });
  afterAll(async () => t?.close());

  const create = async (token: string, label?: string) => {
    const res = await t.api('POST', '/api/stream-keys', { token, body: label ? { label } : {} });
    expect(res.status).toBe(201);
    return NewStreamKeyReply.parse(res.body);
  };
  const list = async (token: string) => {
    const res = await t.api('GET', '/api/stream-keys', { token });
    expect(res.status).toBe(200);
    return StreamKeysReply.parse(res.body);
  };

  it('creates a key shown once in full, then listed by its last 4 characters only, stored as a hash', async () => {
    const { key, secret } = await create(owner.token, 'OBS at home');
    expect(secret).toMatch(/^afk_live_[A-Za-z0-9_-]{32}$/);
    expect(key).toMatchObject({ label: 'OBS at home', last4: secret.slice(-4), lastUsedAt: null });
    const listed = await list(owner.token);
    expect(listed.keys.map((k) => k.id)).toContain(key.id);
    expect(JSON.stringify(listed)).not.toContain(secret.slice(9, 28));
    expect(listed.ingest.whipUrl).toBe(`${t.url}/api/ingest/whip`);
    const stored = await t.storage.streamKeys.findActiveByHash(createHash('sha256').update(secret).digest('hex'));
    expect(stored?.id).toBe(key.id);
    expect(JSON.stringify(stored)).not.toContain(secret);
  });

  it('revokes a key (gone from the list, 404 the second time) and regenerates one (old secret dead, same label)', async () => {
    const first = await create(owner.token, 'Larix');
    const regenerated = await t.api('POST', `/api/stream-keys/${first.key.id}/regenerate`, { token: owner.token });
    expect(regenerated.status).toBe(201);
    const fresh = NewStreamKeyReply.parse(regenerated.body);
    expect(fresh.secret).not.toBe(first.secret);
    expect(fresh.key.label).toBe('Larix');
    const ids = (await list(owner.token)).keys.map((k) => k.id);
    expect(ids).toContain(fresh.key.id);
    expect(ids).not.toContain(first.key.id);
    expect((await t.api('DELETE', `/api/stream-keys/${fresh.key.id}`, { token: owner.token })).status).toBe(204);
    expect((await t.api('DELETE', `/api/stream-keys/${fresh.key.id}`, { token: owner.token })).status).toBe(404);
    expect((await list(owner.token)).keys.map((k) => k.id)).not.toContain(fresh.key.id);
  });

  it('keeps keys to their owner: another user can neither list, revoke nor regenerate them', async () => {
    const mine = await create(owner.token);
    const other = await t.register();
    expect((await list(other.token)).keys).toEqual([]);
    expect((await t.api('DELETE', `/api/stream-keys/${mine.key.id}`, { token: other.token })).status).toBe(404);
    expect((await t.api('POST', `/api/stream-keys/${mine.key.id}/regenerate`, { token: other.token })).status).toBe(404);
    expect((await list(owner.token)).keys.map((k) => k.id)).toContain(mine.key.id);
  });

  it('saves the defaults a live started by an encoder gets, validated', async () => {
    const saved = await t.api('PATCH', '/api/ingest/defaults', { token: owner.token, body: { title: 'Soirée ✨', type: 'audio', isPublic: false } });
    expect(saved.status).toBe(200);
    expect((await list(owner.token)).defaults).toEqual({ title: 'Soirée ✨', type: 'audio', isPublic: false });
    for (const body of [{ title: '', type: 'video', isPublic: true }, { title: 'x', type: 'tv', isPublic: true }, { title: 'x', type: 'video', isPublic: 'yes' }, { title: 'x'.repeat(121), type: 'video', isPublic: true }]) {
      const res = await t.api('PATCH', '/api/ingest/defaults', { token: owner.token, body });
      expect(res.status).toBe(400);
    }
    expect((await list(owner.token)).defaults.title).toBe('Soirée ✨');
  });

  it('refuses anonymous callers (401) and guests (403), and caps keys per user', async () => {
    expect((await t.api('GET', '/api/stream-keys')).status).toBe(401);
    const guest = await t.guest('Visitor');
    const refused = await t.api('POST', '/api/stream-keys', { token: guest.token, body: {} });
    expect(refused.status).toBe(403);
    const busy = await t.register();
    for (let i = 0; i < 10; i++) await create(busy.token);
    const eleventh = await t.api('POST', '/api/stream-keys', { token: busy.token, body: {} });
    expect(eleventh.status).toBe(403);
    expect((await list(busy.token)).keys).toHaveLength(10);
  });

  it('a stream key is not a sign-in: every other route answers 401, sockets refuse it, it is no password', async () => {
    const { secret } = await create(owner.token);
    for (const [method, path] of [
      ['GET', '/api/auth/me'],
      ['GET', '/api/sessions'],
      ['GET', '/api/sessions/current'],
      ['POST', '/api/sessions'],
      ['GET', '/api/stream-keys'],
      ['POST', '/api/stream-keys'],
      ['GET', '/api/info'],
      ['POST', '/api/whip/some-session'],
    ] as const) {
      const res = await t.api(method, path, { token: secret, body: method === 'POST' ? {} : undefined });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(errorCode(res.body)).toBe('unauthorized');
    }
    await expect(t.socket(secret)).rejects.toThrow(/unauthorized/i);
    const login = await t.api('POST', '/api/auth/login', { body: { username: owner.user.username, password: secret } });
    expect(login.status).toBe(401);
    expect((await list(owner.token)).keys.length).toBeGreaterThan(0);
  });

  it('answers garbage and SQL in the Authorization header of the ingest address with 401, changing nothing', async () => {
    const before = (await list(owner.token)).keys;
    const offer = 'v=0\r\n';
    for (const value of ["Bearer ' OR 1=1 --", 'Bearer afk_live_' + "'; DROP TABLE stream_keys; --".padEnd(32, 'x'), 'Bearer', 'Basic dXNlcjpwYXNz', `Bearer ${'a'.repeat(8000)}`, `Bearer afk_live_${'A'.repeat(32)}`, `Bearer ${owner.token}`]) {
      const res = await fetch(`${t.url}/api/ingest/whip`, { method: 'POST', headers: { authorization: value, 'content-type': 'application/sdp' }, body: offer });
      expect(res.status, value.slice(0, 40)).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(errorCode(await res.json())).toBe('unauthorized');
    }
    expect((await list(owner.token)).keys).toEqual(before);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });
});
