import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionReply } from '../../../protocol/sessions.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';

describe('a relay without ffmpeg', () => {
  let t: TestRelay;

  beforeAll(async () => {
    t = await startTestRelay({ dialect: 'sqlite', env: { FFMPEG_PATH: '/nonexistent/ffmpeg' } });
  });

  afterAll(() => t?.close());

  it('starts, turns LL-HLS off and answers 404 on /hls while lives go on', async () => {
    expect(t.relay.ctx.services.get('hls').available).toBe(false);
    const host = await t.register();
    const created = await t.api('POST', '/api/sessions', { token: host.token, body: { title: 'No HLS', type: 'video', isPublic: true } });
    const { session } = SessionReply.parse(created.body);
    expect((await t.api('POST', `/api/sessions/${session.id}/start`, { token: host.token })).status).toBe(200);
    expect((await fetch(`${t.url}/hls/${session.id}/master.m3u8`)).status).toBe(404);
  });
});
