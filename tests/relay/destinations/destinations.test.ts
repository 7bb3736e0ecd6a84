import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../../protocol/common.js';
import { DestinationReply, DestinationsReply } from '../../../protocol/destinations.js';
import { SessionReply } from '../../../protocol/sessions.js';
import { createRelay } from '../../../relay-server/src/app.js';
import { startTestRelay, testDialects, type TestRelay } from '../../support/relay.js';

const SECRET = 'destinations-secret-0123456789abcdef-xyz';
const error = (body: unknown) => ErrorBody.parse(body).error;
const valid = { name: 'My YouTube', service: 'youtube', url: 'rtmp://a.rtmp.youtube.com/live2', streamKey: 'abcd-efgh-ijkl-mnop-qrst' };

describe.each(testDialects)('destinations: stored encrypted, shown by their last 4 characters [%s]', (dialect) => {
  let t: TestRelay;
  let owner: { token: string; user: { id: string } };

  beforeAll(async () => {
    t = await startTestRelay({ dialect, env: { DESTINATION_KEY_SECRET: SECRET } });
    owner = await t.register();
  });
  afterAll(async () => t?.close());

  const list = async (token: string) => DestinationsReply.parse((await t.api('GET', '/api/destinations', { token })).body);
  const create = (token: string, body: unknown) => t.api('POST', '/api/destinations', { token, body });

  it('adds a destination: the reply and the list show the last 4 characters, the database holds no key in clear', async () => {
    const res = await create(owner.token, valid);
    expect(res.status).toBe(201);
    const { destination } = DestinationReply.parse(res.body);
    expect(destination).toMatchObject({ name: 'My YouTube', service: 'youtube', url: valid.url, keyLast4: 'qrst', keyReadable: true, enabled: true });
    expect(JSON.stringify(res.body)).not.toContain(valid.streamKey);
    const listed = await list(owner.token);
    expect(listed.canStore).toBe(true);
    expect(listed.destinations.map((d) => d.id)).toContain(destination.id);
    expect(JSON.stringify(listed)).not.toContain(valid.streamKey);
    const [row] = await t.storage.destinations.listByUser(owner.user.id);
    expect(row?.keyCipher).toMatch(/^v1\./);
    expect(row?.keyCipher).not.toContain(valid.streamKey);
    expect(row?.keyCipher).not.toContain(Buffer.from(valid.streamKey).toString('base64url'));
  });

  it('refuses bad server addresses, keys and names with a clear message and stores nothing', async () => {
    const someone = await t.register();
    const bad: Array<[Record<string, unknown>, RegExp]> = [
      [{ ...valid, url: 'file:///etc/passwd' }, /rtmp:\/\/ or rtmps:\/\//],
      [{ ...valid, url: 'http://example.com/live' }, /rtmp:\/\/ or rtmps:\/\//],
      [{ ...valid, url: 'rtmpt://example.com/live' }, /rtmp:\/\/ or rtmps:\/\//],
      [{ ...valid, url: 'concat:rtmp://a|file:/etc/passwd' }, /rtmp:\/\/ or rtmps:\/\//],
      [{ ...valid, url: 'rtmp://' }, /not a valid URL|no host/],
      [{ ...valid, url: 'rtmp://user:pw@example.com/live' }, /user name or password/],
      [{ ...valid, url: 'rtmp://example.com/live?key=1' }, /\? or #/],
      [{ ...valid, url: 'rtmp://example.com/li ve' }, /spaces/],
      [{ ...valid, url: `rtmp://example.com/${'a'.repeat(600)}` }, /longer than 512/],
      [{ ...valid, streamKey: 'k'.repeat(100_000) }, /longer than 512/],
      [{ ...valid, streamKey: 'has space' }, /printable characters without spaces/],
      [{ ...valid, streamKey: 'line\nbreak' }, /printable characters without spaces/],
      [{ ...valid, streamKey: '' }, /Enter the stream key/],
      [{ ...valid, service: 'myspace' }, /./],
      [{ ...valid, name: '' }, /./],
      [{ ...valid, name: 'x'.repeat(300) }, /./],
      [{ ...valid, extra: 1 }, /./],
    ];
    for (const [body, message] of bad) {
      const res = await create(someone.token, body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(error(res.body).code).toBe('invalid_input');
      expect(JSON.stringify(error(res.body).details)).toMatch(message);
    }
    expect((await list(someone.token)).destinations).toEqual([]);
  });

  it('keeps destinations private: someone else cannot see, change, delete or push to them (answered as missing)', async () => {
    const { destination } = DestinationReply.parse((await create(owner.token, { ...valid, name: 'Mine' })).body);
    const stranger = await t.register();
    expect((await list(stranger.token)).destinations).toEqual([]);
    const patch = await t.api('PATCH', `/api/destinations/${destination.id}`, { token: stranger.token, body: { enabled: false } });
    expect(patch.status).toBe(404);
    expect((await t.api('DELETE', `/api/destinations/${destination.id}`, { token: stranger.token })).status).toBe(404);
    const session = SessionReply.parse((await t.api('POST', '/api/sessions', { token: stranger.token, body: { title: 'x', type: 'video', isPublic: true } })).body).session;
    await t.api('POST', `/api/sessions/${session.id}/start`, { token: stranger.token });
    expect((await t.api('POST', `/api/sessions/${session.id}/destinations/${destination.id}/start`, { token: stranger.token })).status).toBe(404);
    // …nor another host's live.
    expect((await t.api('GET', `/api/sessions/${session.id}/destinations`, { token: owner.token })).status).toBe(403);
    expect((await t.api('GET', '/api/destinations')).status).toBe(401);
    const guest = await t.guest();
    expect((await create(guest.token, valid)).status).toBe(403);
    const still = (await list(owner.token)).destinations.find((d) => d.id === destination.id);
    expect(still).toMatchObject({ enabled: true, name: 'Mine' });
  });

  it('changes a destination (a new key shows its new last 4) and deletes it', async () => {
    const { destination } = DestinationReply.parse((await create(owner.token, { ...valid, name: 'Twitch', service: 'twitch', url: 'rtmp://live.twitch.tv/app' })).body);
    const patched = await t.api('PATCH', `/api/destinations/${destination.id}`, { token: owner.token, body: { streamKey: 'live_123_zzzz9876', enabled: false } });
    expect(patched.status).toBe(200);
    expect(DestinationReply.parse(patched.body).destination).toMatchObject({ keyLast4: '9876', enabled: false, keyReadable: true });
    expect((await t.api('PATCH', `/api/destinations/${destination.id}`, { token: owner.token, body: { url: 'file:/x' } })).status).toBe(400);
    expect((await list(owner.token)).destinations.find((d) => d.id === destination.id)?.url).toBe('rtmp://live.twitch.tv/app');
    expect((await t.api('DELETE', `/api/destinations/${destination.id}`, { token: owner.token })).status).toBe(204);
    expect((await t.api('DELETE', `/api/destinations/${destination.id}`, { token: owner.token })).status).toBe(404);
  });

  it('holds at most 10 destinations per host', async () => {
    const host = await t.register();
    for (let i = 0; i < 10; i++) expect((await create(host.token, { ...valid, name: `D${i}` })).status).toBe(201);
    const eleventh = await create(host.token, { ...valid, name: 'D10' });
    expect(eleventh.status).toBe(400);
    expect(error(eleventh.body).message).toMatch(/10 destinations at most/);
    expect((await list(host.token)).destinations).toHaveLength(10);
  });

  it('after a restart with another DESTINATION_KEY_SECRET, keys read as unreadable (no crash); entering the key again fixes it', async () => {
    const host = await t.register();
    const { destination } = DestinationReply.parse((await create(host.token, valid)).body);
    const other = await createRelay({ ...t.config, port: 0, destinations: { keySecret: 'another-secret-entirely-0123456789abcdef', retryBackoffMs: 2_000 } }, { storage: t.storage });
    const { port } = await other.listen();
    try {
      const get = async () => fetch(`http://127.0.0.1:${port}/api/destinations`, { headers: { authorization: `Bearer ${host.token}` } });
      const res = await get();
      expect(res.status).toBe(200);
      const listed = DestinationsReply.parse(await res.json());
      expect(listed.destinations.find((d) => d.id === destination.id)).toMatchObject({ keyReadable: false, keyLast4: 'qrst' });
      const fix = await fetch(`http://127.0.0.1:${port}/api/destinations/${destination.id}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ streamKey: 'fresh-key-1111' }),
      });
      expect(fix.status).toBe(200);
      expect(DestinationReply.parse(await fix.json()).destination).toMatchObject({ keyReadable: true, keyLast4: '1111' });
    } finally {
      await other.close();
    }
  });
});

describe('destinations on a relay without DESTINATION_KEY_SECRET', () => {
  let t: TestRelay;
  beforeAll(async () => {
    t = await startTestRelay({ dialect: 'sqlite' });
  });
  afterAll(async () => t?.close());

  it('refuses to store one and says why in plain words; the list says it cannot store', async () => {
    const host = await t.register();
    const res = await t.api('POST', '/api/destinations', { token: host.token, body: valid });
    expect(res.status).toBe(503);
    expect(error(res.body).message).toMatch(/DESTINATION_KEY_SECRET/);
    const listed = DestinationsReply.parse((await t.api('GET', '/api/destinations', { token: host.token })).body);
    expect(listed).toMatchObject({ destinations: [], canStore: false });
  });
});
