import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../../protocol/common.js';
import { MediaHintReply } from '../../../protocol/media.js';
import { SessionReply } from '../../../protocol/sessions.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';
import { createPublisher, createViewer, type FrameCountingViewer, type SyntheticPublisher } from './support/peers.js';
import { deleteResource, postOffer } from './support/whip-client.js';

/** Resolves once `check` holds, polling every 50 ms (the test's own timeout bounds the wait). */
async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('WHIP publish and WHEP play through the embedded forwarder', () => {
  let t: TestRelay;
  let host: { token: string };
  let sessionId: string;
  let publisher: SyntheticPublisher;
  const viewers: FrameCountingViewer[] = [];

  async function liveSession(token: string, isPublic: boolean): Promise<string> {
    const created = await t.api('POST', '/api/sessions', { token, body: { title: 'Program', type: 'video', isPublic } });
    const { session } = SessionReply.parse(created.body);
    expect((await t.api('POST', `/api/sessions/${session.id}/start`, { token })).status).toBe(200);
    return session.id;
  }

  async function play(token?: string): Promise<{ viewer: FrameCountingViewer; location: string }> {
    const viewer = await createViewer();
    viewers.push(viewer);
    const reply = await postOffer(`${t.url}/api/whep/${sessionId}`, viewer.offer, { token });
    expect(reply.status).toBe(201);
    expect(reply.contentType).toMatch(/^application\/sdp/);
    expect(reply.location).toMatch(new RegExp(`^/api/whep/${sessionId}/[0-9a-f-]{36}$`));
    await viewer.accept(reply.body);
    return { viewer, location: reply.location ?? '' };
  }

  beforeAll(async () => {
    t = await startTestRelay({ dialect: 'sqlite' });
    host = await t.register();
    sessionId = await liveSession(host.token, true);
  });

  afterAll(async () => {
    for (const viewer of viewers) viewer.close();
    publisher?.close();
    await t.close();
  });

  it('tells clients of a public session to use WHIP/WHEP, and only the host where to publish', async () => {
    const forHost = MediaHintReply.parse((await t.api('GET', `/api/sessions/${sessionId}/media`, { token: host.token })).body);
    expect(forHost.media).toEqual({ transport: 'whip', whipUrl: `/api/whip/${sessionId}`, whepUrl: `/api/whep/${sessionId}` });
    const forAnyone = MediaHintReply.parse((await t.api('GET', `/api/sessions/${sessionId}/media`)).body);
    expect(forAnyone.media.whipUrl).toBeNull();
  });

  it('accepts the host publishing with WHIP', async () => {
    publisher = await createPublisher();
    const reply = await postOffer(`${t.url}/api/whip/${sessionId}`, publisher.offer, { token: host.token });
    expect(reply.status).toBe(201);
    expect(reply.location).toMatch(new RegExp(`^/api/whip/${sessionId}/[0-9a-f-]{36}$`));
    await publisher.accept(reply.body);
  });

  it('delivers decoded frames to two WHEP viewers (one anonymous, one signed-in guest)', async () => {
    const guest = await t.guest('Watcher');
    const first = await play();
    const second = await play(guest.token);
    expect(await first.viewer.firstFrame).toEqual({ width: 320, height: 180 });
    expect(await second.viewer.firstFrame).toEqual({ width: 320, height: 180 });
  });

  it('DELETE ends one viewer while the other keeps receiving, and the resource is gone after', async () => {
    const leaving = await play();
    const staying = await play();
    await leaving.viewer.firstFrame;
    await staying.viewer.firstFrame;
    expect(await deleteResource(`${t.url}${leaving.location}`)).toBe(200);
    expect(await deleteResource(`${t.url}${leaving.location}`)).toBe(404);
    await until(async () => leaving.viewer.pc.connectionState !== 'connected');
    const before = staying.viewer.framesReceived();
    await until(() => staying.viewer.framesReceived() > before + 5);
  });

  it('refuses WHIP without a token (401), from a non-host (403) and for an unknown session (404)', async () => {
    const viewer = await t.register();
    expect((await postOffer(`${t.url}/api/whip/${sessionId}`, publisher.offer)).status).toBe(401);
    const notHost = await postOffer(`${t.url}/api/whip/${sessionId}`, publisher.offer, { token: viewer.token });
    expect(notHost.status).toBe(403);
    expect(ErrorBody.parse(JSON.parse(notHost.body)).error.code).toBe('not_host');
    expect((await postOffer(`${t.url}/api/whip/no-such-session`, publisher.offer, { token: host.token })).status).toBe(404);
  });

  it('hides a private session from anonymous and outside viewers (404) and plays it to participants', async () => {
    const privateHost = await t.register();
    const privateId = await liveSession(privateHost.token, false);
    const probe = await createViewer();
    viewers.push(probe);
    expect((await postOffer(`${t.url}/api/whep/${privateId}`, probe.offer)).status).toBe(404);
    const outsider = await t.register();
    expect((await postOffer(`${t.url}/api/whep/${privateId}`, probe.offer, { token: outsider.token })).status).toBe(404);
    const hint = MediaHintReply.parse((await t.api('GET', `/api/sessions/${privateId}/media`, { token: privateHost.token })).body);
    expect(hint.media.transport).toBe('p2p');
  });

  it('refuses WHEP for a session that is not live (409) and for a banned user (403)', async () => {
    const created = await t.api('POST', '/api/sessions', { token: (await t.register()).token, body: { title: 'Later', type: 'video', isPublic: true } });
    const pending = SessionReply.parse(created.body).session;
    const probe = await createViewer();
    viewers.push(probe);
    expect((await postOffer(`${t.url}/api/whep/${pending.id}`, probe.offer)).status).toBe(409);
    const troublemaker = await t.register();
    expect((await t.api('POST', `/api/sessions/${sessionId}/join`, { token: troublemaker.token })).status).toBe(200);
    const ban = await t.api('POST', `/api/sessions/${sessionId}/bans`, { token: host.token, body: { userId: troublemaker.user.id } });
    expect(ban.status).toBe(200);
    const refused = await postOffer(`${t.url}/api/whep/${sessionId}`, probe.offer, { token: troublemaker.token });
    expect(refused.status).toBe(403);
    expect(ErrorBody.parse(JSON.parse(refused.body)).error.code).toBe('banned');
  });

  it('answers malformed offers with 400 and keeps serving', async () => {
    const url = `${t.url}/api/whep/${sessionId}`;
    const bad = [
      'hello',
      'v=0\r\n',
      publisher.offer.replace(/a=fingerprint:[^\r\n]*\r?\n/g, ''),
      `${publisher.offer}m=video 9 UDP/TLS/RTP/SAVPF 96\r\na=rtpmap:96 \r\n`,
    ];
    for (const sdp of bad) {
      const reply = await postOffer(url, sdp);
      expect(reply.status, sdp.slice(0, 40)).toBe(400);
      expect(ErrorBody.parse(JSON.parse(reply.body)).error.code).toBe('invalid_input');
    }
    // Only codecs the forwarder does not relay: 406 saying what was offered and what would do.
    const noCodec = await postOffer(url, publisher.offer.replace(/ (VP8|VP9|H264|AV1)\/90000/g, ' H265/90000'));
    expect(noCodec.status).toBe(406);
    const { error } = ErrorBody.parse(JSON.parse(noCodec.body));
    expect(error.code).toBe('unsupported_codec');
    expect(error.message).toContain('No video codec the relay can forward: the offer has H265');
    expect((await postOffer(url, JSON.stringify({ sdp: publisher.offer }), { contentType: 'application/json' })).status).toBe(415);
    expect((await postOffer(url, 'x'.repeat(70_000))).status).toBe(413);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    const viewer = await play();
    await viewer.viewer.firstFrame;
  });

  it('a new WHIP publish replaces the old one without viewers reconnecting; DELETE ends it', async () => {
    const watching = await play();
    await watching.viewer.firstFrame;
    const replacement = await createPublisher();
    const reply = await postOffer(`${t.url}/api/whip/${sessionId}`, replacement.offer, { token: host.token });
    expect(reply.status).toBe(201);
    await replacement.accept(reply.body);
    publisher.close();
    publisher = replacement;
    // The old publisher is gone, so frames that keep arriving come from the replacement.
    const before = watching.viewer.framesReceived();
    await until(() => watching.viewer.framesReceived() > before + 30);
    expect(await deleteResource(`${t.url}${reply.location ?? ''}`)).toBe(200);
    expect(await deleteResource(`${t.url}${reply.location ?? ''}`)).toBe(404);
  });
});
