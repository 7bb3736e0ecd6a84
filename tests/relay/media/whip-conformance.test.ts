import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../../protocol/common.js';
import { SessionReply } from '../../../protocol/sessions.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';
import { createPublisher, type SyntheticPublisher } from './support/peers.js';
import { postOffer } from './support/whip-client.js';
import { wrtc } from './support/wrtc.js';

/** RFC 9725 (WHIP) and the WHEP draft, probed over HTTP on /api/whip, /api/whep and /api/ingest/whip. */
describe('WHIP/WHEP endpoints follow RFC 9725', () => {
  let t: TestRelay;
  let host: { token: string; user: { id: string } };
  let endpoints: string[];
  let publisher: SyntheticPublisher;
  const origin = 'http://studio.example';

  beforeAll(async () => {
    t = await startTestRelay({ dialect: 'sqlite', env: {
      WEBSOCKET_CORS_ORIGIN: origin,
      ICE_SERVERS: JSON.stringify([{ urls: 'stun:stun.example.net:3478' }]),
      TURN_SECRET: 'a-turn-secret-shared-with-coturn-0123456789',
      TURN_URLS: 'turn:turn.example.net:3478?transport=udp',
    } });
    host = await t.register();
    const { session } = SessionReply.parse((await t.api('POST', '/api/sessions', { token: host.token, body: { title: 'RFC', type: 'video', isPublic: true } })).body);
    await t.api('POST', `/api/sessions/${session.id}/start`, { token: host.token });
    endpoints = [`/api/whip/${session.id}`, `/api/whep/${session.id}`, '/api/ingest/whip'];
    publisher = await createPublisher();
  });
  afterAll(async () => {
    publisher?.close();
    await t?.close();
  });

  it('OPTIONS answers 204 with Accept-Post: application/sdp, with and without an Origin, and advertises no PATCH', async () => {
    for (const path of endpoints) {
      const plain = await fetch(`${t.url}${path}`, { method: 'OPTIONS' });
      expect(plain.status, path).toBe(204);
      expect(plain.headers.get('accept-post')).toBe('application/sdp');
      expect(plain.headers.get('allow')).toBe('OPTIONS, POST');
      const preflight = await fetch(`${t.url}${path}`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
      });
      expect(preflight.status, path).toBe(204);
      expect(preflight.headers.get('accept-post')).toBe('application/sdp');
      expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
      expect(preflight.headers.get('access-control-allow-methods')).not.toMatch(/PATCH/);
    }
  });

  it('a body that is not application/sdp gets 415', async () => {
    for (const path of endpoints) {
      const res = await postOffer(`${t.url}${path}`, JSON.stringify({ sdp: publisher.offer }), { token: host.token, contentType: 'application/json' });
      expect(res.status, path).toBe(415);
      expect(ErrorBody.parse(JSON.parse(res.body)).error.code).toBe('unsupported_media_type');
      expect((await postOffer(`${t.url}${path}`, publisher.offer, { token: host.token, contentType: 'text/plain' })).status).toBe(415);
    }
  });

  it('other methods on the endpoint and on a resource get 405 with Allow', async () => {
    for (const path of endpoints) {
      for (const method of ['GET', 'PUT', 'PATCH', 'DELETE']) {
        const res = await fetch(`${t.url}${path}`, { method });
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(res.headers.get('allow')).toBe('OPTIONS, POST');
      }
      const resource = `${t.url}${path}/00000000-0000-4000-8000-000000000000`;
      for (const method of ['GET', 'POST', 'PATCH']) {
        const res = await fetch(resource, { method, headers: { 'content-type': 'application/trickle-ice-sdpfrag' }, body: method === 'GET' ? undefined : 'a=end-of-candidates\r\n' });
        expect(res.status, `${method} ${resource}`).toBe(405);
        expect(res.headers.get('allow')).toBe('DELETE, OPTIONS');
      }
      expect((await fetch(resource, { method: 'OPTIONS' })).status).toBe(204);
    }
  });

  it('401 carries WWW-Authenticate: Bearer', async () => {
    for (const path of [endpoints[0] ?? '', '/api/ingest/whip']) {
      const res = await postOffer(`${t.url}${path}`, publisher.offer);
      expect(res.status, path).toBe(401);
    }
    const res = await fetch(`${t.url}${endpoints[0] ?? ''}`, { method: 'POST', headers: { 'content-type': 'application/sdp' }, body: publisher.offer });
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('the 201 answer names opus/48000/2 and does not claim trickle ICE', async () => {
    // A libwebrtc peer offering audio and video, as a studio or OBS does.
    const pc = new wrtc.RTCPeerConnection({ iceServers: [] });
    pc.addTransceiver('audio', { direction: 'sendonly' });
    pc.addTransceiver('video', { direction: 'sendonly' });
    await pc.setLocalDescription(await pc.createOffer());
    const offer = pc.localDescription?.sdp ?? '';
    pc.close();
    const reply = await postOffer(`${t.url}${endpoints[0] ?? ''}`, offer, { token: host.token });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatch(/^a=rtpmap:\d+ opus\/48000\/2\r?$/im);
    expect(reply.body).not.toMatch(/^a=ice-options:.*trickle/m);
  });

  it('OPTIONS and 201 name the STUN and TURN servers as Link rel="ice-server", TURN with minted credentials (RFC 9725 §4.6)', async () => {
    const turn = /^<turn:turn\.example\.net:3478\?transport=udp>; rel="ice-server"; username="\d+:[^"]+"; credential="[^"]+"; credential-type="password"$/;
    for (const path of endpoints) {
      const links = (await fetch(`${t.url}${path}`, { method: 'OPTIONS' })).headers.get('link')?.split(/,\s*(?=<)/) ?? [];
      expect(links[0], path).toBe('<stun:stun.example.net:3478>; rel="ice-server"');
      expect(links[1], path).toMatch(turn);
    }
    const res = await fetch(`${t.url}${endpoints[0] ?? ''}`, { method: 'POST', headers: { 'content-type': 'application/sdp', authorization: `Bearer ${host.token}`, origin }, body: publisher.offer });
    expect(res.status).toBe(201);
    const links = res.headers.get('link')?.split(/,\s*(?=<)/) ?? [];
    expect(links[0]).toBe('<stun:stun.example.net:3478>; rel="ice-server"');
    // The host's own TURN username, readable by a page on another origin.
    expect(links[1]).toMatch(turn);
    expect(links[1]).toMatch(new RegExp(`username="\\d+:${host.user.id}"`));
    expect(res.headers.get('access-control-expose-headers')).toMatch(/Link/);
  });
});
