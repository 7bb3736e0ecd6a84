import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCsp } from '../../../src-main/security/csp.js';
import { exactHttpOrigin, learnMediaOrigins } from '../../../src-main/security/media-origins.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';

const directive = (csp: string, name: string): string[] =>
  csp
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([n]) => n === name)
    ?.slice(1) ?? [];

describe('connect-src learns the external media servers', () => {
  it('adds exactly the named media origins, and only to connect-src', () => {
    const csp = buildCsp({ relayUrl: 'https://live.example.com', mediaOrigins: ['https://ingest.example.com:8443', 'https://edge.example.net'] });
    expect(directive(csp, 'connect-src')).toEqual([
      "'self'",
      'https://live.example.com',
      'wss://live.example.com',
      'https://ingest.example.com:8443',
      'https://edge.example.net',
    ]);
    for (const name of ['script-src', 'img-src', 'media-src', 'default-src', 'frame-src']) {
      expect(directive(csp, name).join(' ')).not.toMatch(/example\.(com:8443|net)/);
    }
  });

  it('never widens connect-src for values that are not exact http(s) origins', () => {
    const hostile = ['*', 'https:', 'https://*.example.com', 'https://evil.example/path', 'ws://evil.example', 'javascript:alert(1)', "'unsafe-eval'", 'https://a.example; script-src *'];
    const csp = buildCsp({ relayUrl: 'http://localhost:3001', mediaOrigins: hostile });
    expect(directive(csp, 'connect-src')).toEqual(["'self'", 'http://localhost:3001', 'ws://localhost:3001']);
    expect(directive(csp, 'script-src')).toEqual(["'self'"]);
    for (const value of hostile) expect(exactHttpOrigin(value)).toBeNull();
  });
});

describe('learning the media origins from the relay (GET /api/info)', () => {
  let relay: TestRelay | undefined;
  let server: http.Server | undefined;
  afterEach(async () => {
    await relay?.close();
    relay = undefined;
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });

  /** A server that answers /api/info with `body`: a relay gone wrong, or one that is not a relay at all. */
  async function answering(status: number, body: string): Promise<string> {
    server = http.createServer((_req, res) => res.writeHead(status, { 'content-type': 'application/json' }).end(body));
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('a relay with MEDIA_WHIP_URL/MEDIA_WHEP_URL names their origins', async () => {
    relay = await startTestRelay({
      dialect: 'sqlite',
      env: { MEDIA_WHIP_URL: 'https://ingest.example.com:8443/{sessionId}/whip', MEDIA_WHEP_URL: 'https://edge.example.net/{sessionId}/whep' },
    });
    expect(await learnMediaOrigins(relay.url)).toEqual(['https://ingest.example.com:8443', 'https://edge.example.net']);
  });

  it('a relay with the embedded forwarder names none', async () => {
    relay = await startTestRelay({ dialect: 'sqlite' });
    expect(await learnMediaOrigins(relay.url)).toEqual([]);
  });

  it('keeps only exact http(s) origins from a hostile answer', async () => {
    const url = await answering(200, JSON.stringify({ shareBaseUrl: 'x', lanUrls: [], mediaOrigins: ['*', 'https://ok.example', 'https://evil.example/p', 'data:,'] }));
    expect(await learnMediaOrigins(url)).toEqual(['https://ok.example']);
  });

  it('no answer, an error status or a body that is not RelayInfo: none, never a throw', async () => {
    expect(await learnMediaOrigins(await answering(500, '{}'))).toEqual([]);
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    expect(await learnMediaOrigins(await answering(200, '<html>not json'))).toEqual([]);
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    expect(await learnMediaOrigins(await answering(200, JSON.stringify({ mediaOrigins: 'https://a.example' })))).toEqual([]);
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    server = undefined;
    expect(await learnMediaOrigins('http://127.0.0.1:9')).toEqual([]);
  });
});
