import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerPayload } from '../../../protocol/events.js';
import { clientEvents } from '../../../protocol/events.js';
import { testDialects } from '../../support/databases.js';
import { startTestRelay, type ClientSocket, type TestRelay } from '../../support/relay.js';
import { account, emit, expectRefused, join, joinRoom, liveSession, nextEvent, seatGuest, type Account } from '../sessions/helpers.js';

/** On-air announcements and backstage chat: the host and the guests only, never viewers. */
describe.each(testDialects)('stage and backstage [%s]', (dialect) => {
  let t: TestRelay;
  let barrierSeq = 0;
  beforeAll(async () => {
    t = await startTestRelay({ dialect });
  });
  afterAll(() => t.close());

  /** Everything of the stage a socket receives. */
  const inbox = (socket: ClientSocket) => {
    const got: Array<ServerPayload<'stage:state'> | ServerPayload<'backstage:message'>> = [];
    socket.on('stage:state', (p) => got.push(p));
    socket.on('backstage:message', (p) => got.push(p));
    return got;
  };
  /** Resolves once everything sent to `userId` before it has arrived (per-connection order). */
  const barrier = async (userId: string, socket: ClientSocket) => {
    const marker = `barrier-${(barrierSeq += 1)}`;
    const arrived = nextEvent(socket, 'viewers:count', (e) => e.sessionId === marker);
    t.relay.ctx.notifier.toUser(userId, 'viewers:count', { sessionId: marker, count: 0 });
    await arrived;
  };

  interface Cast {
    sessionId: string;
    host: Account;
    guest: Account;
    viewer: Account;
    sockets: { host: ClientSocket; guest: ClientSocket; viewer: ClientSocket };
  }
  async function cast(): Promise<Cast> {
    const host = await account(t);
    const guest = await account(t);
    const viewer = await account(t);
    const session = await liveSession(t, host);
    await seatGuest(t, session.id, host, guest);
    await join(t, session.id, viewer);
    const sockets = { host: await t.socket(host.token), guest: await t.socket(guest.token), viewer: await t.socket(viewer.token) };
    for (const socket of Object.values(sockets)) await joinRoom(socket, session.id);
    return { sessionId: session.id, host, guest, viewer, sockets };
  }

  it('tells the guest they are counted down, then on air; viewers hear nothing of it', async () => {
    const c = await cast();
    const viewerInbox = inbox(c.sockets.viewer);
    const cue = nextEvent(c.sockets.guest, 'stage:state');
    const ack = await emit(c.sockets.host, 'stage:set', { sessionId: c.sessionId, onAir: [], cueing: [c.guest.id] });
    expect(clientEvents['stage:set'].reply.parse(ack).stage).toEqual({ sessionId: c.sessionId, onAir: [], cueing: [c.guest.id] });
    expect(await cue).toEqual({ sessionId: c.sessionId, onAir: [], cueing: [c.guest.id] });
    const onAir = nextEvent(c.sockets.guest, 'stage:state');
    await emit(c.sockets.host, 'stage:set', { sessionId: c.sessionId, onAir: [c.guest.id], cueing: [c.guest.id] });
    // Someone cannot be both: on air wins.
    expect(await onAir).toEqual({ sessionId: c.sessionId, onAir: [c.guest.id], cueing: [] });
    // A guest who reloads asks for the last word.
    const got = await emit(c.sockets.guest, 'stage:get', { sessionId: c.sessionId });
    expect(clientEvents['stage:get'].reply.parse(got).stage.onAir).toEqual([c.guest.id]);
    await barrier(c.viewer.id, c.sockets.viewer);
    expect(viewerInbox).toEqual([]);
  });

  it('keeps only people on stage in the announcement, and only the host may announce', async () => {
    const c = await cast();
    const ack = await emit(c.sockets.host, 'stage:set', { sessionId: c.sessionId, onAir: [c.guest.id, c.viewer.id, 'nobody'] });
    expect(clientEvents['stage:set'].reply.parse(ack).stage.onAir).toEqual([c.guest.id]);
    await expectRefused(c.sockets.guest, 'stage:set', { sessionId: c.sessionId, onAir: [c.guest.id] }, 'not_host');
    await expectRefused(c.sockets.viewer, 'stage:set', { sessionId: c.sessionId, onAir: [] }, 'not_host');
    await expectRefused(c.sockets.viewer, 'stage:get', { sessionId: c.sessionId }, 'forbidden');
  });

  it('carries backstage chat between the host and the guests, idempotently, and never to viewers', async () => {
    const c = await cast();
    const viewerInbox = inbox(c.sockets.viewer);
    const atGuest = nextEvent(c.sockets.guest, 'backstage:message');
    const sent = clientEvents['backstage:send'].reply.parse(
      await emit(c.sockets.host, 'backstage:send', { sessionId: c.sessionId, content: '  You are next, 10 seconds  ', clientMessageId: 'host-line-0001' }),
    ).message;
    expect(sent).toMatchObject({ userId: c.host.id, role: 'host', content: 'You are next, 10 seconds' });
    expect((await atGuest).message).toEqual(sent);
    const again = clientEvents['backstage:send'].reply.parse(
      await emit(c.sockets.host, 'backstage:send', { sessionId: c.sessionId, content: 'You are next, 10 seconds', clientMessageId: 'host-line-0001' }),
    ).message;
    expect(again.id).toBe(sent.id);
    const atHost = nextEvent(c.sockets.host, 'backstage:message');
    await emit(c.sockets.guest, 'backstage:send', { sessionId: c.sessionId, content: 'Ready!', clientMessageId: 'guest-line-001' });
    expect((await atHost).message).toMatchObject({ userId: c.guest.id, role: 'guest', content: 'Ready!' });
    const history = clientEvents['backstage:history'].reply.parse(await emit(c.sockets.guest, 'backstage:history', { sessionId: c.sessionId }));
    expect(history.messages.map((m) => m.content)).toEqual(['You are next, 10 seconds', 'Ready!']);

    await expectRefused(c.sockets.viewer, 'backstage:send', { sessionId: c.sessionId, content: 'let me in', clientMessageId: 'viewer-line-01' }, 'forbidden');
    await expectRefused(c.sockets.viewer, 'backstage:history', { sessionId: c.sessionId }, 'forbidden');
    await barrier(c.viewer.id, c.sockets.viewer);
    expect(viewerInbox).toEqual([]);
  });

  it('refuses hostile input, strangers, anonymous sockets, floods and ended sessions, changing nothing', async () => {
    const c = await cast();
    const anon = await t.socket();
    const stranger = await t.socket((await account(t)).token);
    const line = (id: string) => ({ sessionId: c.sessionId, content: 'hello', clientMessageId: id });
    for (const bad of [
      { sessionId: c.sessionId, content: '', clientMessageId: 'empty-line-01' },
      { sessionId: c.sessionId, content: 'x'.repeat(501), clientMessageId: 'long-line-001' },
      { sessionId: c.sessionId, content: '\u202E\u200B', clientMessageId: 'bidi-line-001' },
      { sessionId: c.sessionId, content: 'hi', clientMessageId: 'short' },
      { sessionId: c.sessionId, content: 'hi', clientMessageId: 'extra-field-01', role: 'host' },
      { sessionId: c.sessionId, content: 42, clientMessageId: 'number-line-01' },
    ]) {
      await expectRefused(c.sockets.guest, 'backstage:send', bad, 'invalid_input');
    }
    await expectRefused(c.sockets.host, 'stage:set', { sessionId: c.sessionId, onAir: Array.from({ length: 65 }, (_, i) => `u${i}`) }, 'invalid_input');
    await expectRefused(c.sockets.host, 'stage:set', { sessionId: c.sessionId, onAir: 'everyone' }, 'invalid_input');
    await expectRefused(anon, 'backstage:send', line('anon-line-001'), 'unauthorized');
    await expectRefused(stranger, 'backstage:send', line('stranger-line1'), 'forbidden');
    await expectRefused(c.sockets.guest, 'backstage:send', { ...line('unknown-sess-1'), sessionId: 'no-such-session' }, 'not_found');
    const history = clientEvents['backstage:history'].reply.parse(await emit(c.sockets.host, 'backstage:history', { sessionId: c.sessionId }));
    expect(history.messages).toEqual([]);

    // Flood: a burst passes, then rate_limited.
    const codes: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      const ack = await emit(c.sockets.guest, 'backstage:send', line(`flood-line-${i}0`));
      codes.push(ack.ok ? 'ok' : ack.error.code);
    }
    expect(codes.slice(0, 5)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(codes.slice(5)).toEqual(['rate_limited', 'rate_limited', 'rate_limited']);

    // A guest who left is off stage: no more backstage.
    expect((await t.api('POST', `/api/sessions/${c.sessionId}/leave`, { token: c.guest.token })).status).toBe(204);
    await expectRefused(c.sockets.guest, 'backstage:history', { sessionId: c.sessionId }, 'forbidden');
    expect((await t.api('POST', `/api/sessions/${c.sessionId}/end`, { token: c.host.token })).status).toBe(200);
    await expectRefused(c.sockets.host, 'backstage:send', line('after-end-001'), 'invalid_transition');
    anon.close();
    stranger.close();
  });
});
