import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rooms } from '../../../protocol/rooms.js';
import type { ClientAck } from '../../../protocol/events.js';
import { io as connect } from 'socket.io-client';
import { fail } from '../../../relay-server/src/core/errors.js';
import type { RelayModule } from '../../../relay-server/src/core/module.js';
import { onEvent } from '../../../relay-server/src/realtime/on-event.js';
import { modules } from '../../../relay-server/src/modules.js';
import { startTestRelay, testDialects, type ClientSocket, type TestRelay } from '../../support/relay.js';

const ALLOWED = 'http://studio.example:5173';

/**
 * Stands in for the sessions module on two events so the real-time layer can be exercised alone:
 * `session:join` puts the socket in the session's room, `session:leave` answers only signed-in callers.
 */
const probeModule: RelayModule = {
  name: 'probe',
  create: () => ({
    socket(socket, checkActor) {
      onEvent(socket, 'session:leave', checkActor, async (_payload, { actor }) => {
        if (!actor) throw fail.unauthorized();
        return {};
      });
      socket.on('session:join', (payload: unknown, ack: unknown) => {
        const sessionId = typeof payload === 'object' && payload && 'sessionId' in payload ? String(payload.sessionId) : '';
        void socket.join(rooms.session(sessionId));
        if (typeof ack === 'function') ack({ ok: true });
      });
    },
  }),
};

const leave = (socket: ClientSocket, sessionId = 's1') =>
  new Promise<ClientAck<'session:leave'>>((resolve) => socket.emit('session:leave', { sessionId }, resolve));
const joinRoom = (socket: ClientSocket, sessionId: string) =>
  new Promise<void>((resolve) => socket.emit('session:join', { sessionId }, () => resolve()));
const nextEvent = <T>(socket: ClientSocket, event: 'viewers:count' | 'session:state') =>
  new Promise<T>((resolve) => socket.once(event, (payload: unknown) => resolve(payload as T)));
const cookieSocket = (url: string, token: string) =>
  new Promise<ClientSocket>((resolve, reject) => {
    const s: ClientSocket = connect(url, { transports: ['polling'], extraHeaders: { cookie: `afritok_token=${token}` }, forceNew: true, reconnection: false });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
const disconnected = (socket: ClientSocket) => new Promise<string>((resolve) => socket.once('disconnect', resolve));

describe.each(testDialects)('real-time layer [%s]', (dialect) => {
  let t: TestRelay;
  beforeAll(async () => {
    t = await startTestRelay({
      dialect,
      env: { WEBSOCKET_CORS_ORIGIN: ALLOWED },
      deps: { modules: [...modules.filter((m) => m.name === 'auth'), probeModule] },
    });
  });
  afterAll(() => t.close());

  it('lets an anonymous socket connect, and treats it as signed out', async () => {
    const socket = await t.socket();
    expect(socket.connected).toBe(true);
    const ack = await leave(socket);
    expect(ack.ok).toBe(false);
    if (!ack.ok) expect(ack.error.code).toBe('unauthorized');
    socket.close();
  });

  it('refuses a bad token with connect error "unauthorized"', async () => {
    await expect(t.socket('bad.token.here')).rejects.toThrow('unauthorized');
  });

  it('authenticates from auth.token and from the cookie', async () => {
    const { token } = await t.register();
    const viaAuth = await t.socket(token);
    expect((await leave(viaAuth)).ok).toBe(true);
    const viaCookie = await cookieSocket(t.url, token);
    expect((await leave(viaCookie)).ok).toBe(true);
    viaAuth.close();
    viaCookie.close();
  });

  it('treats a stale cookie as anonymous (pages cannot delete an httpOnly cookie), a stale auth.token as unauthorized', async () => {
    const { token } = await t.register();
    await t.relay.ctx.services.get('auth').logout(token);
    const stale = await cookieSocket(t.url, token);
    expect(stale.connected).toBe(true);
    const ack = await leave(stale);
    expect(ack.ok).toBe(false);
    if (!ack.ok) expect(ack.error.code).toBe('unauthorized');
    stale.close();
    await expect(t.socket(token)).rejects.toThrow('unauthorized');
  });

  it('checks Origin on both transports; no Origin and allowed origins pass', async () => {
    for (const transports of [['websocket'], ['polling']] as const) {
      await expect(t.socket(undefined, { origin: 'https://evil.example', transports: [...transports] })).rejects.toThrow();
      const allowed = await t.socket(undefined, { origin: ALLOWED, transports: [...transports] });
      const own = await t.socket(undefined, { origin: t.url, transports: [...transports] });
      const native = await t.socket(undefined, { transports: [...transports] });
      const studio = await t.socket(undefined, { origin: 'app://studio', transports: [...transports] });
      expect([allowed.connected, own.connected, native.connected, studio.connected]).toEqual([true, true, true, true]);
      for (const s of [allowed, own, native, studio]) s.close();
      await expect(t.socket(undefined, { origin: 'null', transports: [...transports] })).rejects.toThrow();
    }
  });

  it('re-checks the token on every event: a revoked token acts as signed out', async () => {
    const { token } = await t.register();
    const socket = await t.socket(token);
    expect((await leave(socket)).ok).toBe(true);
    await t.relay.ctx.services.get('auth').logout(token); // revoke without disconnecting
    const ack = await leave(socket);
    expect(ack.ok).toBe(false);
    socket.close();
  });

  it('logout over HTTP disconnects every socket of that user and the token stops working', async () => {
    const { token } = await t.register();
    const other = await t.register();
    const [a, b, bystander] = await Promise.all([t.socket(token), t.socket(token), t.socket(other.token)]);
    const gone = Promise.all([disconnected(a), disconnected(b)]);
    expect((await t.api('POST', '/api/auth/logout', { token })).status).toBe(204);
    expect(await gone).toEqual(['io server disconnect', 'io server disconnect']);
    expect(bystander.connected).toBe(true);
    await expect(t.socket(token)).rejects.toThrow('unauthorized');
    bystander.close();
  });

  it('delivers toUser to every socket of the user, and toSession to the room', async () => {
    const { user, token } = await t.register();
    const [s1, s2, anon] = await Promise.all([t.socket(token), t.socket(token), t.socket()]);
    const got = Promise.all([nextEvent(s1, 'viewers:count'), nextEvent(s2, 'viewers:count')]);
    t.relay.ctx.notifier.toUser(user.id, 'viewers:count', { sessionId: 'x', count: 7 });
    expect(await got).toEqual([{ sessionId: 'x', count: 7 }, { sessionId: 'x', count: 7 }]);

    await joinRoom(anon, 'room-a');
    const inRoom = nextEvent(anon, 'session:state');
    t.relay.ctx.notifier.toSession('room-a', 'session:state', { sessionId: 'room-a', state: 'live' });
    expect(await inRoom).toEqual({ sessionId: 'room-a', state: 'live' });
    for (const s of [s1, s2, anon]) s.close();
  });

  it('counts viewers: anonymous sockets each, signed-in viewers once, never the host or guests', async () => {
    const host = await t.register();
    const guest = await t.register();
    const viewer = await t.register();
    const sessionId = `s-${Date.now()}`;
    const now = new Date();
    await t.storage.sessions.create({
      id: sessionId, hostId: host.user.id, title: 'Live', description: '', type: 'video', isPublic: true,
      maxParticipants: 4, state: 'live', createdAt: now, startedAt: now, endedAt: null, peakViewerCount: 0,
    });
    await t.storage.participants.upsert({
      sessionId, userId: guest.user.id, role: 'guest', audioEnabled: true, videoEnabled: true,
      audioForcedOff: false, videoForcedOff: false, joinedAt: now, leftAt: null,
    });
    const sockets = await Promise.all([
      t.socket(host.token), t.socket(guest.token), t.socket(viewer.token), t.socket(viewer.token), t.socket(), t.socket(),
    ]);
    for (const s of sockets) await joinRoom(s, sessionId);
    const { presence, notifier } = t.relay.ctx;
    expect(await presence.viewerCount(sessionId)).toBe(3);
    expect(await presence.connectedUserIds(sessionId)).toEqual(new Set([host.user.id, guest.user.id, viewer.user.id]));

    await notifier.removeFromSession(sessionId, viewer.user.id);
    expect(await presence.viewerCount(sessionId)).toBe(2);
    await notifier.closeSession(sessionId);
    expect(await presence.viewerCount(sessionId)).toBe(0);
    expect(sockets.every((s) => s.connected)).toBe(true);
    for (const s of sockets) s.close();
  });
});
