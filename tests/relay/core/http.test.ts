import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../../protocol/common.js';
import { AuthReply } from '../../../protocol/users.js';
import { routes } from '../../../protocol/routes.js';
import { fail } from '../../../relay-server/src/core/errors.js';
import { mount } from '../../../relay-server/src/http/mount.js';
import type { RelayModule } from '../../../relay-server/src/core/module.js';
import { modules } from '../../../relay-server/src/modules.js';
import { startTestRelay, uniqueName, type TestRelay } from '../../support/relay.js';

const errorCode = (body: unknown) => ErrorBody.parse(body).error.code;
const ALLOWED = 'http://studio.example:5173';

describe('HTTP plumbing', () => {
  let t: TestRelay;
  beforeAll(async () => {
    t = await startTestRelay({ dialect: 'sqlite', env: { WEBSOCKET_CORS_ORIGIN: `${ALLOWED}, https://other.example` } });
  });
  afterAll(() => t.close());

  it('keeps idle connections longer than a CDN or load balancer keeps its upstream ones (60 s), so none is reused as it closes', async () => {
    const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
      http.get(`${t.url}/healthz`, { agent: new http.Agent({ keepAlive: true }) }, resolve).on('error', reject);
    });
    res.resume();
    const keepAlive = res.headers['keep-alive'];
    const timeout = Number(/timeout=(\d+)/.exec(typeof keepAlive === 'string' ? keepAlive : '')?.[1]);
    expect(timeout).toBeGreaterThan(60);
  });

  it('answers a 5 MiB body with 413 payload_too_large in the error shape', async () => {
    const body = JSON.stringify({ username: 'big', password: 'x'.repeat(5 * 1024 * 1024) });
    const res = await t.api('POST', '/api/auth/register', { body });
    expect(res.status).toBe(413);
    expect(errorCode(res.body)).toBe('payload_too_large');
  });

  it('answers malformed JSON with 400 invalid_input', async () => {
    for (const body of ['{"username": "a",', '{oops}', 'null', '[1,2']) {
      const res = await t.api('POST', '/api/auth/login', { body });
      expect(res.status, body).toBe(400);
      expect(errorCode(res.body)).toBe('invalid_input');
    }
  });

  it('refuses __proto__ / constructor keys without polluting any object', async () => {
    const bodies = [
      '{"username":"protouser","password":"long enough pw","__proto__":{"polluted":"yes"}}',
      '{"username":"protouser","password":"long enough pw","constructor":{"prototype":{"polluted":"yes"}}}',
      '{"username":"protouser","password":"long enough pw","displayName":{"__proto__":{"polluted":"yes"}}}',
    ];
    for (const body of bodies) {
      const res = await t.api('POST', '/api/auth/register', { body });
      expect(res.status, body).toBe(400);
      expect(errorCode(res.body)).toBe('invalid_input');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Nothing was created.
    expect((await t.api('POST', '/api/auth/login', { body: { username: 'protouser', password: 'long enough pw' } })).status).toBe(401);
  });

  it('treats a non-JSON content type as a missing body (400), never a crash', async () => {
    const res = await t.api('POST', '/api/auth/register', {
      body: 'username=a&password=b',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(400);
    expect(errorCode(res.body)).toBe('invalid_input');
  });

  it('keeps unicode intact and refuses huge strings', async () => {
    const displayName = 'Ọlá 🇳🇬 مرحبا 你好';
    const res = await t.api('POST', '/api/auth/register', { body: { username: uniqueName(), password: 'pässwörd ✓ long', displayName } });
    expect(res.status).toBe(201);
    expect(AuthReply.parse(res.body).user.displayName).toBe(displayName);
    const huge = await t.api('POST', '/api/auth/guest', { body: { displayName: '🎉'.repeat(100_000) } });
    expect(huge.status).toBe(400);
  });

  it('answers unknown /api routes and unknown pages with a JSON 404, never HTML', async () => {
    for (const [method, route] of [['GET', '/api/nope'], ['POST', '/api/auth/nope'], ['GET', '/nothing-here'], ['DELETE', '/api/auth/me']]) {
      const res = await t.api(method!, route!);
      expect(res.status, route).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      expect(errorCode(res.body)).toBe('not_found');
    }
  });

  it('sends security headers and no X-Powered-By', async () => {
    const res = await t.api('GET', '/api/auth/me');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('allows CORS with credentials for listed origins only', async () => {
    const preflight = await t.api('OPTIONS', '/api/auth/login', {
      headers: { origin: ALLOWED, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
    const ok = await t.api('GET', '/api/auth/me', { headers: { origin: ALLOWED } });
    expect(ok.headers.get('access-control-allow-origin')).toBe(ALLOWED);

    const evilGet = await t.api('GET', '/api/auth/me', { headers: { origin: 'https://evil.example' } });
    expect(evilGet.headers.get('access-control-allow-origin')).toBeNull();
    const { token } = await t.register();
    const evilPost = await t.api('POST', '/api/auth/logout', { token, headers: { origin: 'https://evil.example' } });
    expect(evilPost.status).toBe(403);
    expect(errorCode(evilPost.body)).toBe('forbidden');
    // The token still works: the cross-origin logout did nothing.
    expect((await t.api('GET', '/api/auth/me', { token })).status).toBe(200);
  });

  it('accepts the Electron studio (app://studio) and refuses an opaque "null" origin', async () => {
    const studio = await t.register();
    const res = await t.api('POST', '/api/auth/logout', { token: studio.token, headers: { origin: 'app://studio' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('app://studio');
    const sandboxed = await t.register();
    const opaque = await t.api('POST', '/api/auth/logout', { token: sandboxed.token, headers: { origin: 'null' } });
    expect(opaque.status).toBe(403);
  });

  it("accepts requests from the relay's own origin", async () => {
    const { token } = await t.register();
    const res = await t.api('POST', '/api/auth/logout', { token, headers: { origin: t.url } });
    expect(res.status).toBe(204);
  });
});

/** A route with a path parameter, to see how the plumbing treats a malformed one. */
const probeModule: RelayModule = {
  name: 'probe',
  create: () => ({
    http(router) {
      mount(router, routes.getSession, async () => {
        throw fail.notFound('Session');
      });
    },
  }),
};

describe('path parameters', () => {
  let t: TestRelay;
  beforeAll(async () => {
    t = await startTestRelay({ dialect: 'sqlite', deps: { modules: [...modules.filter((m) => m.name === 'auth'), probeModule] } });
  });
  afterAll(() => t.close());

  it('answers a malformed percent-escape with 400 JSON', async () => {
    const res = await fetch(`${t.url}/api/sessions/%E0%A4%A`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(errorCode(await res.json())).toBe('invalid_input');
  });

  it('answers an over-long id with 400 and a normal one with the handler reply', async () => {
    expect((await t.api('GET', `/api/sessions/${'a'.repeat(65)}`)).status).toBe(400);
    expect((await t.api('GET', '/api/sessions/some-id')).status).toBe(404);
  });
});
