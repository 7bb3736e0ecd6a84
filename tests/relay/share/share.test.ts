import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { RelayInfo } from '../../../protocol/relay-info.js';
import { lanUrls } from '../../../relay-server/src/share/base-url.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';

/** Links the streamer hands to other people must open on their machines, not only on the streamer's. */
describe('share links', () => {
  let relay: TestRelay | undefined;
  afterEach(async () => {
    await relay?.close();
    relay = undefined;
  });

  it('points at PUBLIC_URL when it is set', async () => {
    relay = await startTestRelay({ dialect: 'sqlite', config: { publicUrl: 'https://live.example.com' } });
    const info = RelayInfo.parse((await relay.api('GET', '/api/info')).body);
    expect(info.shareBaseUrl).toBe('https://live.example.com');
  });

  it('keeps loopback when the relay listens on loopback only', async () => {
    relay = await startTestRelay({ dialect: 'sqlite' });
    const info = RelayInfo.parse((await relay.api('GET', '/api/info')).body);
    expect(info).toEqual({ shareBaseUrl: relay.url, lanUrls: [], mediaOrigins: [] });
  });

  it('replaces a loopback address with one on the local network when it listens there', async () => {
    relay = await startTestRelay({ dialect: 'sqlite', env: { HOST: '0.0.0.0' } });
    const port = Number(new URL(relay.url).port);
    const info = RelayInfo.parse((await relay.api('GET', '/api/info')).body);
    expect(info.lanUrls).toEqual(lanUrls(port));
    expect(info.shareBaseUrl).toBe(info.lanUrls[0] ?? relay.url);
    expect(info.shareBaseUrl).not.toMatch(info.lanUrls.length > 0 ? /localhost|127\.0\.0\.1/ : /^$/);
  });

  it('keeps the address the caller used when it is not loopback', async () => {
    relay = await startTestRelay({ dialect: 'sqlite' });
    const port = new URL(relay.url).port;
    // fetch() will not send a Host of our choosing; node:http will.
    const body = await new Promise<string>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/api/info', headers: { host: `studio.lan:${port}` } }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve(text));
      });
      req.on('error', reject);
    });
    expect(RelayInfo.parse(JSON.parse(body)).shareBaseUrl).toBe(`http://studio.lan:${port}`);
  });

  it('names the external media server origins (and nothing else) when MEDIA_WHIP_URL/MEDIA_WHEP_URL are set', async () => {
    relay = await startTestRelay({
      dialect: 'sqlite',
      env: { MEDIA_WHIP_URL: 'https://ingest.example.com:8443/{sessionId}/whip', MEDIA_WHEP_URL: 'https://edge.example.net/rtc/{sessionId}/whep' },
    });
    const raw = (await relay.api('GET', '/api/info')).body as { mediaOrigins: unknown };
    expect(raw.mediaOrigins).toEqual(['https://ingest.example.com:8443', 'https://edge.example.net']);
  });

  it('one origin once when WHIP and WHEP live on the same server', async () => {
    relay = await startTestRelay({
      dialect: 'sqlite',
      env: { MEDIA_WHIP_URL: 'http://10.0.0.5:8889/{sessionId}/whip', MEDIA_WHEP_URL: 'http://10.0.0.5:8889/{sessionId}/whep' },
    });
    expect(RelayInfo.parse((await relay.api('GET', '/api/info')).body).mediaOrigins).toEqual(['http://10.0.0.5:8889']);
  });
});
