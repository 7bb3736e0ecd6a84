import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MediaHintReply } from '../../../protocol/media.js';
import { SessionReply } from '../../../protocol/sessions.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';
import { postOffer } from './support/whip-client.js';

/** With MEDIA_WHIP_URL/MEDIA_WHEP_URL an external media server (LiveKit, MediaMTX) replaces the embedded forwarder. */
describe('an external WHIP/WHEP media server by configuration alone', () => {
  let t: TestRelay;
  const startedAt = new Date();

  beforeAll(async () => {
    t = await startTestRelay({
      dialect: 'sqlite',
      env: {
        MEDIA_MODE: 'sfu',
        MEDIA_WHIP_URL: 'https://media.example.com/{sessionId}/whip',
        MEDIA_WHEP_URL: 'https://media.example.com/{sessionId}/whep',
      },
      // A stopped clock: the offer budget does not refill while the flood test runs, however slow the machine.
      deps: { clock: () => startedAt },
    });
  });

  afterAll(() => t.close());

  it('hands clients the external URLs, even for private sessions in sfu mode, and serves no embedded endpoint', async () => {
    const host = await t.register();
    const created = await t.api('POST', '/api/sessions', { token: host.token, body: { title: 'External', type: 'video', isPublic: false } });
    const { session } = SessionReply.parse(created.body);
    await t.api('POST', `/api/sessions/${session.id}/start`, { token: host.token });
    const hint = MediaHintReply.parse((await t.api('GET', `/api/sessions/${session.id}/media`, { token: host.token })).body);
    expect(hint.media).toEqual({
      transport: 'whip',
      whipUrl: `https://media.example.com/${session.id}/whip`,
      whepUrl: `https://media.example.com/${session.id}/whep`,
    });
    const offer = 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n';
    expect((await postOffer(`${t.url}/api/whip/${session.id}`, offer, { token: host.token })).status).toBe(404);
  });

  it('answers a flood of offers from one address with 429 and Retry-After', async () => {
    const url = `${t.url}/api/whep/any-session`;
    const statuses: number[] = [];
    for (let i = 0; i < 101; i++) statuses.push((await postOffer(url, 'not sdp')).status); // 100 are the burst
    // The budget is 100 offers (the test above spent one); every later offer is refused.
    const firstRefused = statuses.indexOf(429);
    expect(firstRefused).toBeGreaterThanOrEqual(99);
    expect(statuses.slice(firstRefused).every((s) => s === 429)).toBe(true);
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/sdp' }, body: 'not sdp' });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses a bad template at start-up with a clear message', async () => {
    const { loadConfig } = await import('../../../relay-server/src/config.js');
    expect(() => loadConfig({ MEDIA_WHIP_URL: 'https://media.example.com/whip' })).toThrow(/MEDIA_WHIP_URL: must contain \{sessionId\}/);
    expect(() => loadConfig({ MEDIA_MODE: 'mesh' })).toThrow(/MEDIA_MODE/);
  });
});
