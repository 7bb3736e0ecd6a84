import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRelay, testDialects, type TestRelay } from '../../support/relay.js';

describe.each(testDialects)('healthz and metrics [%s]', (dialect) => {
  let t: TestRelay;
  beforeAll(async () => {
    t = await startTestRelay({ dialect });
  });
  afterAll(() => t.close());

  it('reports healthy while the database answers', async () => {
    const res = await t.api('GET', '/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', db: 'ok' });
  });

  it('exposes Prometheus text with sockets, sessions by state, HTTP latency by route and socket events', async () => {
    const { user, token } = await t.register();
    const now = new Date();
    await t.storage.sessions.create({
      id: `m-${Date.now()}`, hostId: user.id, title: 'Metrics', description: '', type: 'audio', isPublic: true,
      maxParticipants: 4, state: 'live', createdAt: now, startedAt: now, endedAt: null, peakViewerCount: 0,
    });
    await t.api('GET', '/api/auth/me', { token });
    const socket = await t.socket(token);
    await new Promise((resolve) => socket.emit('session:leave', { sessionId: 'nothing' }, resolve));

    const res = await fetch(`${t.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toMatch(/^# HELP relay_connected_sockets /m);
    expect(text).toMatch(/^relay_connected_sockets 1$/m);
    expect(text).toMatch(/^relay_sessions\{state="live"\} 1$/m);
    expect(text).toMatch(/^relay_sessions\{state="pending"\} 0$/m);
    expect(text).toMatch(/^relay_http_request_duration_seconds_count\{method="GET",route="\/api\/auth\/me",status="200"\} 1$/m);
    expect(text).toMatch(/^relay_socket_events_total\{event="session:leave"\} 1$/m);
    socket.close();
  });

  it('labels unknown routes by a fixed pattern, not by the raw path', async () => {
    await t.api('GET', '/api/no/such/route/12345');
    const text = await (await fetch(`${t.url}/metrics`)).text();
    expect(text).not.toContain('12345');
    expect(text).toMatch(/route="\/api\/\*",status="404"/);
  });

  it('answers 503 when the database is unreachable', async () => {
    await t.storage.close();
    const res = await t.api('GET', '/healthz');
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ status: 'error', db: 'error' });
  });
});

describe('who may read /metrics', () => {
  const relays: TestRelay[] = [];
  afterAll(() => Promise.all(relays.map((r) => r.close())));
  const start = async (env: Record<string, string>) => {
    const relay = await startTestRelay({ dialect: 'sqlite', env });
    relays.push(relay);
    return relay;
  };

  it('without METRICS_TOKEN: this machine only, also behind a proxy on the same host', async () => {
    const t = await start({ TRUST_PROXY: 'loopback' });
    expect((await fetch(`${t.url}/metrics`)).status).toBe(200);
    // A proxy on this host forwarding a scrape from the internet: the client is the forwarded address.
    const outside = await t.api('GET', '/metrics', { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(outside.status).toBe(403);
    expect(outside.body).toMatchObject({ error: { code: 'forbidden' } });
    expect(JSON.stringify(outside.body)).not.toContain('relay_');
  });

  it('with METRICS_TOKEN: the bearer token is required, from anywhere', async () => {
    const token = 'scrape-token-0123456789';
    const t = await start({ METRICS_TOKEN: token });
    expect((await t.api('GET', '/metrics')).status).toBe(401);
    expect((await t.api('GET', '/metrics', { token: 'scrape-token-wrong-value' })).status).toBe(401);
    const ok = await fetch(`${t.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toMatch(/^relay_connected_sockets /m);
  });
});
