/**
 * TRUST_PROXY trusts exactly the configured hops: a client that writes its own X-Forwarded-For gets no
 * fresh bucket, and HTTP and Socket.io see the same client address. The test client plays the proxy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRelay, testDialects, uniqueName, type TestRelay } from '../../support/relay.js';

describe.each(testDialects)('TRUST_PROXY [%s]', (dialect) => {
  for (const trust of ['1', '127.0.0.1/8']) {
    describe(`TRUST_PROXY=${trust}`, () => {
      let t: TestRelay;
      let now = Date.now();
      beforeAll(async () => {
        t = await startTestRelay({ dialect, env: { SIGNUP_RATE_PER_MINUTE: '2', TRUST_PROXY: trust }, deps: { clock: () => new Date(now) } });
      });
      afterAll(() => t.close());

      /** What our one trusted proxy sends: whatever the client wrote, then the address it saw. */
      const via = (forged: string, client = '198.51.100.1') => ({ 'x-forwarded-for': `${forged}, ${client}` });
      const register = (headers: Record<string, string>) =>
        t.api('POST', '/api/auth/register', { body: { username: uniqueName(), password: 'correct horse battery' }, headers });

      it('a forged X-Forwarded-For resets no limit; another real client has its own', async () => {
        expect((await register(via('203.0.113.1'))).status).toBe(201);
        expect((await register(via('203.0.113.2'))).status).toBe(201);
        for (let i = 3; i < 10; i += 1) expect((await register(via(`203.0.113.${i}`))).status).toBe(429);
        expect((await register({ 'x-forwarded-for': '203.0.113.50' })).status).toBe(201);
        now += 60_000;
      });

      it('login guesses stay limited whatever X-Forwarded-For the client writes', async () => {
        const { user } = await t.register(uniqueName('victim'));
        const statuses: number[] = [];
        for (let i = 0; i < 14; i += 1) {
          const res = await t.api('POST', '/api/auth/login', { body: { username: user.username, password: `wrong ${i}` }, headers: via(`192.0.2.${i}`) });
          statuses.push(res.status);
        }
        expect(statuses).toContain(429);
      });

      it('a socket gets the same client address as HTTP', async () => {
        const socket = await t.socket(undefined, {});
        const serverSide = [...t.relay.io.sockets.sockets.values()].find((s) => s.id === socket.id);
        // No X-Forwarded-For on this connection: the proxy is the client.
        expect(serverSide?.data.address).toMatch(/127\.0\.0\.1$/);
        socket.close();
      });
    });
  }
});
