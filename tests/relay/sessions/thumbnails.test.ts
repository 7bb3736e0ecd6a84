import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ThumbnailReply } from '../../../protocol/sessions.js';
import { testDialects } from '../../support/databases.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';
import { account, createSession, expectError, liveSession, parse } from './helpers.js';

const JPEG = `data:image/jpeg;base64,${Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]).toString('base64')}`;
const PNG_AS_JPEG = `data:image/jpeg;base64,${Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]).toString('base64')}`;

describe.each(testDialects)('program thumbnails for directory cards [%s]', (dialect) => {
  let t: TestRelay;
  beforeAll(async () => {
    t = await startTestRelay({ dialect });
  });
  afterAll(() => t.close());

  it('the host uploads, anyone who may see a public live reads it back', async () => {
    const host = await account(t);
    const session = await liveSession(t, host);
    expectError(await t.api('GET', `/api/sessions/${session.id}/thumbnail`), 404);
    expect((await t.api('POST', `/api/sessions/${session.id}/thumbnail`, { token: host.token, body: { image: JPEG } })).status).toBe(204);
    const read = parse(ThumbnailReply, await t.api('GET', `/api/sessions/${session.id}/thumbnail`), 200);
    expect(read.image).toBe(JPEG);
  });

  it('refuses other people, sessions not on air, wrong types, lying bytes and oversize pictures, and keeps the last good one', async () => {
    const [host, other] = [await account(t), await account(t)];
    const session = await liveSession(t, host);
    await t.api('POST', `/api/sessions/${session.id}/thumbnail`, { token: host.token, body: { image: JPEG } });
    const put = (image: unknown, token = host.token) => t.api('POST', `/api/sessions/${session.id}/thumbnail`, { token, body: { image } });
    expectError(await put(JPEG, other.token), 403);
    expectError(await t.api('POST', `/api/sessions/${session.id}/thumbnail`, { body: { image: JPEG } }), 401);
    expectError(await put('data:image/svg+xml;base64,PHN2Zy8+'), 400, 'invalid_input');
    expectError(await put('data:text/html;base64,PGgxPg=='), 400, 'invalid_input');
    expectError(await put(PNG_AS_JPEG), 400, 'invalid_input');
    expectError(await put('data:image/jpeg;base64,!!!notbase64'), 400, 'invalid_input');
    expectError(await put(`data:image/jpeg;base64,${Buffer.alloc(300 * 1024, 0xff).toString('base64')}`), 400);
    expectError(await put(42), 400, 'invalid_input');
    expect(parse(ThumbnailReply, await t.api('GET', `/api/sessions/${session.id}/thumbnail`), 200).image).toBe(JPEG);

    const planner = await account(t);
    const pending = await createSession(t, planner, { title: 'later' });
    expectError(await t.api('POST', `/api/sessions/${pending.id}/thumbnail`, { token: planner.token, body: { image: JPEG } }), 409);
  });

  it('a private live hides its thumbnail from strangers; an ended live has none', async () => {
    const host = await account(t);
    const session = await liveSession(t, host, { isPublic: false });
    await t.api('POST', `/api/sessions/${session.id}/thumbnail`, { token: host.token, body: { image: JPEG } });
    expect((await t.api('GET', `/api/sessions/${session.id}/thumbnail`)).status).not.toBe(200);
    expect((await t.api('GET', `/api/sessions/${session.id}/thumbnail`, { token: host.token })).status).toBe(200);
    await t.api('POST', `/api/sessions/${session.id}/end`, { token: host.token });
    expectError(await t.api('GET', `/api/sessions/${session.id}/thumbnail`, { token: host.token }), 404);
  });
});
