import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../../protocol/common.js';
import { NewStreamKeyReply, StreamKeysReply } from '../../../protocol/ingest.js';
import { MaybeSessionReply, SessionReply, SessionsReply } from '../../../protocol/sessions.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';
import { createPublisher, createViewer, type FrameCountingViewer, type SyntheticPublisher } from '../media/support/peers.js';
import { deleteResource, postOffer } from '../media/support/whip-client.js';

/** The grace period this suite runs with: long enough to reconnect in on a loaded machine, short enough to wait out. */
const GRACE_MS = 8_000;

describe('WHIP ingest with a stream key (POST /api/ingest/whip, as OBS does)', () => {
  let t: TestRelay;
  const peers: Array<SyntheticPublisher | FrameCountingViewer> = [];

  beforeAll(async () => {
    t = await startTestRelay({ dialect: 'sqlite', env: { INGEST_RECONNECT_GRACE: String(GRACE_MS) } });
  });
  afterAll(async () => {
    for (const peer of peers) peer.close();
    await t?.close();
  });

  async function ownerWithKey() {
    const owner = await t.register();
    const created = await t.api('POST', '/api/stream-keys', { token: owner.token, body: { label: 'OBS' } });
    return { ...owner, secret: NewStreamKeyReply.parse(created.body).secret, keyId: NewStreamKeyReply.parse(created.body).key.id };
  }

  async function currentSession(token: string) {
    return MaybeSessionReply.parse((await t.api('GET', '/api/sessions/current', { token })).body).session;
  }

  async function publish(secret: string) {
    const publisher = await createPublisher();
    peers.push(publisher);
    const reply = await postOffer(`${t.url}/api/ingest/whip`, publisher.offer, { token: secret });
    if (reply.status === 201) await publisher.accept(reply.body);
    return { publisher, reply };
  }

  async function watch(sessionId: string) {
    const viewer = await createViewer();
    peers.push(viewer);
    const reply = await postOffer(`${t.url}/api/whep/${sessionId}`, viewer.offer);
    expect(reply.status).toBe(201);
    await viewer.accept(reply.body);
    return viewer;
  }

  it('goes live from the saved defaults when the owner has no session open; viewers decode it; the host counts as present', async () => {
    const owner = await ownerWithKey();
    await t.api('PATCH', '/api/ingest/defaults', { token: owner.token, body: { title: 'From OBS', type: 'video', isPublic: true } });
    const { reply } = await publish(owner.secret);
    expect(reply.status).toBe(201);
    expect(reply.location).toMatch(/^\/api\/ingest\/whip\/[0-9a-f-]{36}$/);
    const session = await currentSession(owner.token);
    expect(session).toMatchObject({ title: 'From OBS', state: 'live', isPublic: true, hostId: owner.user.id });
    const viewer = await watch(session?.id ?? '');
    expect(await viewer.firstFrame).toEqual({ width: 320, height: 180 });
    // The directory lists it with its host present, though no studio is open.
    const listed = SessionsReply.parse((await t.api('GET', '/api/sessions')).body).sessions;
    expect(listed.find((s) => s.id === session?.id)?.hostConnected).toBe(true);
    // The key records its use.
    const keys = StreamKeysReply.parse((await t.api('GET', '/api/stream-keys', { token: owner.token })).body);
    expect(keys.keys.find((k) => k.id === owner.keyId)?.lastUsedAt).not.toBeNull();
  });

  it('goes live on the owner session already open (pending → live) instead of making another', async () => {
    const owner = await ownerWithKey();
    const created = SessionReply.parse((await t.api('POST', '/api/sessions', { token: owner.token, body: { title: 'Planned show', type: 'video', isPublic: true } })).body).session;
    expect((await publish(owner.secret)).reply.status).toBe(201);
    expect(await currentSession(owner.token)).toMatchObject({ id: created.id, state: 'live', title: 'Planned show' });
  });

  it('"Stop streaming" then reconnecting within the grace period resumes the same live; after it, the live ends', async () => {
    const owner = await ownerWithKey();
    const first = await publish(owner.secret);
    const session = await currentSession(owner.token);
    expect(await deleteResource(`${t.url}${first.reply.location ?? ''}`)).toBe(200);
    first.publisher.close();
    expect((await currentSession(owner.token))?.state).toBe('live');
    const again = await publish(owner.secret);
    expect(again.reply.status).toBe(201);
    expect((await currentSession(owner.token))?.id).toBe(session?.id);
    const viewer = await watch(session?.id ?? '');
    await viewer.firstFrame;
    // Stop for good: once the grace period is over the live ends.
    expect(await deleteResource(`${t.url}${again.reply.location ?? ''}`)).toBe(200);
    await expect.poll(async () => (await currentSession(owner.token))?.id ?? null, { timeout: GRACE_MS * 4 }).toBeNull();
    const ended = SessionReply.parse((await t.api('GET', `/api/sessions/${session?.id ?? ''}`, { token: owner.token })).body).session;
    expect(ended.state).toBe('ended');
  }, GRACE_MS * 6);

  it('50 concurrent ingest attempts on one key: one goes live, the others get 409', async () => {
    const owner = await ownerWithKey();
    const publisher = await createPublisher();
    peers.push(publisher);
    const replies = await Promise.all(Array.from({ length: 50 }, () => postOffer(`${t.url}/api/ingest/whip`, publisher.offer, { token: owner.secret })));
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const refused = replies.find((r) => r.status === 409);
    expect(ErrorBody.parse(JSON.parse(refused?.body ?? '{}')).error.code).toBe('duplicate');
    const open = await t.storage.sessions.listOpenForUser(owner.user.id);
    expect(open).toHaveLength(1);
  });

  it('refuses a revoked key, a regenerated key old secret, another user key for nothing of theirs, and a sign-in token', async () => {
    const owner = await ownerWithKey();
    expect((await t.api('DELETE', `/api/stream-keys/${owner.keyId}`, { token: owner.token })).status).toBe(204);
    expect((await publish(owner.secret)).reply.status).toBe(401);
    const second = await ownerWithKey();
    const regenerated = NewStreamKeyReply.parse((await t.api('POST', `/api/stream-keys/${second.keyId}/regenerate`, { token: second.token })).body);
    expect((await publish(second.secret)).reply.status).toBe(401);
    expect((await publish(second.token)).reply.status).toBe(401);
    expect(await currentSession(second.token)).toBeNull();
    // Another user's key makes THEIR live, never one of this owner's sessions.
    const mine = SessionReply.parse((await t.api('POST', '/api/sessions', { token: owner.token, body: { title: 'Mine', type: 'video', isPublic: true } })).body).session;
    expect((await publish(regenerated.secret)).reply.status).toBe(201);
    expect((await currentSession(second.token))?.hostId).toBe(second.user.id);
    expect((await currentSession(owner.token))).toMatchObject({ id: mine.id, state: 'pending' });
  });

  it('answers malformed and codec-less offers on the ingest address with 400/406, and unknown resources with 404', async () => {
    const owner = await ownerWithKey();
    const publisher = await createPublisher();
    peers.push(publisher);
    expect((await postOffer(`${t.url}/api/ingest/whip`, 'v=0\r\nbogus', { token: owner.secret })).status).toBe(400);
    const noCodec = await postOffer(`${t.url}/api/ingest/whip`, publisher.offer.replace(/ (VP8|VP9|H264|AV1)\/90000/g, ' H265/90000'), { token: owner.secret });
    expect(noCodec.status).toBe(406);
    expect((await postOffer(`${t.url}/api/ingest/whip`, 'x'.repeat(70_000), { token: owner.secret })).status).toBe(413);
    expect(await deleteResource(`${t.url}/api/ingest/whip/00000000-0000-4000-8000-000000000000`)).toBe(404);
    expect(await deleteResource(`${t.url}/api/ingest/whip/not-a-uuid`)).toBe(400);
  });
});
