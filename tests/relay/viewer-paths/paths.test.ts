import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../support/databases.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';
import { account, closeSocket, emit, expectRefused, join, joinRoom, liveSession, nextEvent } from '../sessions/helpers.js';

describe.each(testDialects)('viewers per delivery path [%s]', (dialect) => {
  let t: TestRelay;
  beforeAll(async () => {
    t = await startTestRelay({ dialect });
  });
  afterAll(() => t.close());

  it('tells the host how many viewers play over WebRTC and over HLS, and forgets a viewer who left', async () => {
    const host = await account(t);
    const session = await liveSession(t, host);
    const hostSocket = await t.socket(host.token);
    await joinRoom(hostSocket, session.id);
    const [a, b, c] = [await account(t), await account(t), await account(t)];
    const sockets = [];
    for (const viewer of [a, b, c]) {
      await join(t, session.id, viewer);
      const socket = await t.socket(viewer.token);
      await joinRoom(socket, session.id);
      sockets.push(socket);
    }
    const anonymous = await t.socket();
    await joinRoom(anonymous, session.id);

    const reported = nextEvent(hostSocket, 'viewers:paths', (p) => p.sessionId === session.id && p.paths.webrtc === 2 && p.paths.hls === 2);
    expect((await emit(sockets[0]!, 'viewer:transport', { sessionId: session.id, transport: 'webrtc' })).ok).toBe(true);
    expect((await emit(sockets[1]!, 'viewer:transport', { sessionId: session.id, transport: 'hls' })).ok).toBe(true);
    expect((await emit(sockets[2]!, 'viewer:transport', { sessionId: session.id, transport: 'webrtc' })).ok).toBe(true);
    expect((await emit(anonymous, 'viewer:transport', { sessionId: session.id, transport: 'hls' })).ok).toBe(true);
    await reported;

    // The same viewer reporting twice, or in two tabs, is one viewer.
    const second = await t.socket(a.token);
    await joinRoom(second, session.id);
    expect((await emit(second, 'viewer:transport', { sessionId: session.id, transport: 'webrtc' })).ok).toBe(true);
    const asked = await emit(hostSocket, 'viewers:paths', { sessionId: session.id });
    expect(asked.ok && asked).toMatchObject({ paths: { webrtc: 2, hls: 2 } });

    // A viewer who moves path, one who stops playing and one who closes the tab.
    const after = nextEvent(hostSocket, 'viewers:paths', (p) => p.paths.webrtc === 2 && p.paths.hls === 0);
    expect((await emit(sockets[1]!, 'viewer:transport', { sessionId: session.id, transport: 'webrtc' })).ok).toBe(true);
    expect((await emit(sockets[2]!, 'viewer:transport', { sessionId: session.id, transport: null })).ok).toBe(true);
    await closeSocket(t, anonymous);
    await after;
    expect(await t.relay.ctx.services.get('viewerPaths').counts(session.id)).toEqual({ webrtc: 2, hls: 0 });
  });

  it('counts only sockets in the room, answers the host only, and refuses odd payloads', async () => {
    const [host, viewer] = [await account(t), await account(t)];
    const session = await liveSession(t, host);
    const outsider = await t.socket(viewer.token);
    await expectRefused(outsider, 'viewer:transport', { sessionId: session.id, transport: 'hls' }, 'not_found');
    await join(t, session.id, viewer);
    await joinRoom(outsider, session.id);
    await expectRefused(outsider, 'viewers:paths', { sessionId: session.id }, 'not_host');
    await expectRefused(outsider, 'viewer:transport', { sessionId: session.id, transport: 'carrier-pigeon' }, 'invalid_input');
    await expectRefused(outsider, 'viewer:transport', { sessionId: session.id, transport: 'hls', extra: 1 }, 'invalid_input');
    const anonymous = await t.socket();
    await expectRefused(anonymous, 'viewers:paths', { sessionId: session.id }, 'unauthorized');
    const hostSocket = await t.socket(host.token);
    const asked = await emit(hostSocket, 'viewers:paths', { sessionId: session.id });
    expect(asked.ok && asked).toMatchObject({ paths: { webrtc: 0, hls: 0 } });
  });
});
