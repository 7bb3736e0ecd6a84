/**
 * With MEDIA_MODE=sfu every session, private ones too, goes through the relay's forwarder. A person
 * removed from a private session, or banned from a public one, stops receiving the program within
 * 2 s of the host's action, while a viewer beside them keeps receiving it (so the check can fail).
 * Real libwebrtc peers (WHIP publisher, WHEP viewers) against a real relay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionReply } from '../../../protocol/sessions.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';
import { account, seatGuest, type Account } from '../sessions/helpers.js';
import { createPublisher, createViewer, type FrameCountingViewer, type SyntheticPublisher } from './support/peers.js';
import { postOffer } from './support/whip-client.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('moderation ends media through the forwarder (MEDIA_MODE=sfu)', () => {
  let t: TestRelay;
  let host: Account;
  let otherHost: Account;
  const peers: Array<{ close(): void }> = [];

  beforeAll(async () => {
    t = await startTestRelay({ dialect: 'sqlite', env: { MEDIA_MODE: 'sfu' } });
    host = await account(t);
    // One open session per host: the second test has its own.
    otherHost = await account(t);
  });
  afterAll(async () => {
    for (const peer of peers) peer.close();
    await t.close();
  });

  async function liveWithPublisher(host: Account, isPublic: boolean): Promise<string> {
    const { session } = SessionReply.parse((await t.api('POST', '/api/sessions', { token: host.token, body: { title: 'Program', type: 'video', isPublic } })).body);
    expect((await t.api('POST', `/api/sessions/${session.id}/start`, { token: host.token })).status).toBe(200);
    const publisher: SyntheticPublisher = await createPublisher();
    peers.push(publisher);
    const reply = await postOffer(`${t.url}/api/whip/${session.id}`, publisher.offer, { token: host.token });
    expect(reply.status).toBe(201);
    await publisher.accept(reply.body);
    return session.id;
  }

  async function watch(sessionId: string, token: string): Promise<FrameCountingViewer> {
    const viewer = await createViewer();
    peers.push(viewer);
    const reply = await postOffer(`${t.url}/api/whep/${sessionId}`, viewer.offer, { token });
    expect(reply.status).toBe(201);
    await viewer.accept(reply.body);
    await viewer.firstFrame;
    return viewer;
  }

  /** Frames decoded from 0.5 s to 2 s after the host acted: the target's must have stopped by then. */
  async function framesAfterAction(viewers: FrameCountingViewer[]): Promise<number[]> {
    await sleep(500);
    const start = viewers.map((v) => v.framesReceived());
    await sleep(1500);
    return viewers.map((v, i) => v.framesReceived() - (start[i] ?? 0));
  }

  it('a participant removed from a private session stops receiving; another keeps watching', async () => {
    const sessionId = await liveWithPublisher(host, false);
    const removed = await account(t);
    const staying = await account(t);
    await seatGuest(t, sessionId, host, removed);
    await seatGuest(t, sessionId, host, staying);
    const removedViewer = await watch(sessionId, removed.token);
    const stayingViewer = await watch(sessionId, staying.token);

    expect((await t.api('DELETE', `/api/sessions/${sessionId}/participants/${removed.id}`, { token: host.token })).status).toBe(204);
    const [removedFrames, stayingFrames] = await framesAfterAction([removedViewer, stayingViewer]);
    expect(removedFrames).toBeLessThanOrEqual(2);
    expect(stayingFrames).toBeGreaterThan(10);
    // And they cannot simply ask again.
    const again = await createViewer();
    peers.push(again);
    expect((await postOffer(`${t.url}/api/whep/${sessionId}`, again.offer, { token: removed.token })).status).toBe(404);
  });

  it('a banned viewer of a public session stops receiving; another keeps watching', async () => {
    const sessionId = await liveWithPublisher(otherHost, true);
    const banned = await t.guest('Raider');
    const staying = await t.guest('Fan');
    const bannedViewer = await watch(sessionId, banned.token);
    const stayingViewer = await watch(sessionId, staying.token);

    expect((await t.api('POST', `/api/sessions/${sessionId}/bans`, { token: otherHost.token, body: { userId: banned.user.id } })).status).toBe(200);
    const [bannedFrames, stayingFrames] = await framesAfterAction([bannedViewer, stayingViewer]);
    expect(bannedFrames).toBeLessThanOrEqual(2);
    expect(stayingFrames).toBeGreaterThan(10);
  });
});
