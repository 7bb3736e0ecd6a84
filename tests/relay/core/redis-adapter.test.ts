import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { rooms } from '../../../protocol/rooms.js';
import { createRelay, type Relay } from '../../../relay-server/src/app.js';
import { createStorage } from '../../../relay-server/src/storage/index.js';
import type { Storage } from '../../../relay-server/src/storage/types.js';
import type { RelayModule } from '../../../relay-server/src/core/module.js';
import { modules } from '../../../relay-server/src/modules.js';
import { startTestRelay, type ClientSocket, type TestRelay } from '../../support/relay.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const redisUp = await new Promise<boolean>((resolve) => {
  const { hostname, port } = new URL(REDIS_URL);
  const socket = net.connect(Number(port || 6379), hostname);
  socket.once('connect', () => (socket.end(), resolve(true)));
  socket.once('error', () => resolve(false));
});
if (!redisUp) console.warn(`!!! Redis at ${REDIS_URL} is unreachable: skipping the multi-node adapter test`);

/** Lets a socket enter a session room, as the sessions module would on `session:join`. */
const roomProbe: RelayModule = {
  name: 'room-probe',
  create: () => ({
    socket(socket) {
      socket.on('session:join', (payload: unknown, ack: unknown) => {
        const sessionId = typeof payload === 'object' && payload && 'sessionId' in payload ? String(payload.sessionId) : '';
        void socket.join(rooms.session(sessionId));
        if (typeof ack === 'function') ack({ ok: true });
      });
    },
  }),
};
const testModules = [...modules.filter((m) => m.name === 'auth'), roomProbe];

describe.skipIf(!redisUp)('two relay nodes over the Redis adapter', () => {
  let a: TestRelay;
  let b: Relay;
  let bStorage: Storage;
  let bUrl: string;
  beforeAll(async () => {
    a = await startTestRelay({ dialect: 'sqlite', env: { REDIS_URL, JWT_SECRET: 'x'.repeat(40) }, deps: { modules: testModules } });
    bStorage = await createStorage(a.config.database);
    b = await createRelay(a.config, { storage: bStorage, modules: testModules });
    bUrl = `http://127.0.0.1:${(await b.listen()).port}`;
  });
  afterAll(async () => {
    await b.close();
    await bStorage.close();
    await a.close();
  });

  const socketOnB = (token: string) =>
    new Promise<ClientSocket>((resolve, reject) => {
      const s: ClientSocket = connect(bUrl, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false });
      s.once('connect', () => resolve(s));
      s.once('connect_error', reject);
    });

  it('reaches, counts and disconnects sockets held by the other node', async () => {
    const { user, token } = await a.register(); // signed in on node A, connected to node B
    const socket = await socketOnB(token);
    const sessionId = `redis-${user.id}`;
    await new Promise((resolve) => socket.emit('session:join', { sessionId }, resolve));

    const received = new Promise((resolve) => socket.once('viewers:count', resolve));
    a.relay.ctx.notifier.toUser(user.id, 'viewers:count', { sessionId, count: 3 });
    expect(await received).toEqual({ sessionId, count: 3 });

    expect(await a.relay.ctx.presence.connectedUserIds(sessionId)).toEqual(new Set([user.id]));
    const gone = new Promise((resolve) => socket.once('disconnect', resolve));
    await a.relay.ctx.notifier.disconnectUser(user.id);
    expect(await gone).toBe('io server disconnect');
  });

  it('a logout on one node ends the token on the other node too', async () => {
    const { token } = await a.register();
    const bMe = () => fetch(`${bUrl}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect((await bMe()).status).toBe(200);
    expect((await a.api('POST', '/api/auth/logout', { token })).status).toBe(204);
    expect((await bMe()).status).toBe(401);
    await expect(socketOnB(token)).rejects.toThrow('unauthorized');
  });
});
