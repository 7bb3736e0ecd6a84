import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SDP_LENGTH } from '../../../protocol/signaling.js';
import type { ServerPayload } from '../../../protocol/events.js';
import { testDialects } from '../../support/databases.js';
import { startTestRelay, type ClientSocket, type TestRelay } from '../../support/relay.js';
import { account, emit, expectRefused, joinRoom, liveSession, nextEvent, seatGuest, type Account } from '../sessions/helpers.js';

/** A stage-mesh offer (host ↔ guest) and a program-link offer (host ↔ viewer). */
const offer = { description: { type: 'offer', sdp: 'v=0\r\n' }, channel: 'guest' };
const programOffer = { description: { type: 'offer', sdp: 'v=0\r\n' }, channel: 'program' };
const hello = (channel: 'program' | 'guest') => ({ restart: true, channel });

describe.each(testDialects)('signaling [%s]', (dialect) => {
  let t: TestRelay;
  let barrierSeq = 0;
  beforeAll(async () => {
    // Program links exist only while media is P2P (public sessions use WHIP/WHEP under MEDIA_MODE=auto).
    t = await startTestRelay({ dialect, env: { MEDIA_MODE: 'p2p' } });
  });
  afterAll(() => t.close());

  /** Every `signal` a socket receives, in order. */
  const inbox = (socket: ClientSocket): Array<ServerPayload<'signal'>> => {
    const received: Array<ServerPayload<'signal'>> = [];
    socket.on('signal', (payload) => received.push(payload));
    return received;
  };

  /**
   * Resolves once `socket` received an event sent to its user after everything emitted before:
   * Socket.io keeps per-connection order, so any signal relayed earlier has arrived by then.
   */
  const barrier = async (userId: string, socket: ClientSocket): Promise<void> => {
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
    const sockets = { host: await t.socket(host.token), guest: await t.socket(guest.token), viewer: await t.socket(viewer.token) };
    for (const socket of Object.values(sockets)) await joinRoom(socket, session.id);
    return { sessionId: session.id, host, guest, viewer, sockets };
  }

  it('relays between the stage, stamping the sender as `from`', async () => {
    const c = await cast();
    const received = nextEvent(c.sockets.guest, 'signal');
    expect((await emit(c.sockets.host, 'signal', { sessionId: c.sessionId, to: c.guest.id, data: offer })).ok).toBe(true);
    expect(await received).toEqual({ sessionId: c.sessionId, from: c.host.id, data: offer });
    const back = nextEvent(c.sockets.host, 'signal');
    const answer = { description: { type: 'answer', sdp: 'v=0\r\n' }, channel: 'guest' };
    expect((await emit(c.sockets.guest, 'signal', { sessionId: c.sessionId, to: c.host.id, data: answer })).ok).toBe(true);
    expect(await back).toEqual({ sessionId: c.sessionId, from: c.guest.id, data: answer });
  });

  it('lets viewers and the host signal each other, and nobody else signal a viewer', async () => {
    const c = await cast();
    const guestInbox = inbox(c.sockets.guest);
    const viewerInbox = inbox(c.sockets.viewer);
    const candidate = { candidate: { candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host', sdpMid: '0', sdpMLineIndex: 0 }, channel: 'program' };
    expect((await emit(c.sockets.viewer, 'signal', { sessionId: c.sessionId, to: c.host.id, data: candidate })).ok).toBe(true);
    expect((await emit(c.sockets.host, 'signal', { sessionId: c.sessionId, to: c.viewer.id, data: programOffer })).ok).toBe(true);
    await expectRefused(c.sockets.viewer, 'signal', { sessionId: c.sessionId, to: c.guest.id, data: offer }, 'forbidden');
    await expectRefused(c.sockets.guest, 'signal', { sessionId: c.sessionId, to: c.viewer.id, data: offer }, 'forbidden');
    await barrier(c.guest.id, c.sockets.guest);
    await barrier(c.viewer.id, c.sockets.viewer);
    expect(guestInbox).toEqual([]);
    expect(viewerInbox).toEqual([{ sessionId: c.sessionId, from: c.host.id, data: programOffer }]);
  });

  it('refuses forged senders, outsiders, other sessions and oversized payloads', async () => {
    const c = await cast();
    const guestInbox = inbox(c.sockets.guest);
    // A client-supplied `from` is not part of the payload: refused, not relayed as someone else.
    await expectRefused(c.sockets.viewer, 'signal', { sessionId: c.sessionId, to: c.guest.id, from: c.host.id, data: offer }, 'invalid_input');
    // An outsider who never joined the room.
    const outsider = await account(t);
    await expectRefused(await t.socket(outsider.token), 'signal', { sessionId: c.sessionId, to: c.guest.id, data: offer }, 'forbidden');
    // The host of another session, in their own room, naming this session or their own.
    const otherHost = await account(t);
    const other = await liveSession(t, otherHost);
    const otherSocket = await t.socket(otherHost.token);
    await joinRoom(otherSocket, other.id);
    await expectRefused(otherSocket, 'signal', { sessionId: c.sessionId, to: c.guest.id, data: offer }, 'forbidden');
    await expectRefused(otherSocket, 'signal', { sessionId: other.id, to: c.guest.id, data: offer }, 'not_found');
    // Anonymous watchers have no identity to signal with.
    const anonymous = await t.socket();
    await joinRoom(anonymous, c.sessionId);
    await expectRefused(anonymous, 'signal', { sessionId: c.sessionId, to: c.host.id, data: offer }, 'unauthorized');
    // Oversized or malformed data.
    const huge = { description: { type: 'offer', sdp: 'a'.repeat(MAX_SDP_LENGTH + 1) } };
    await expectRefused(c.sockets.host, 'signal', { sessionId: c.sessionId, to: c.guest.id, data: huge }, 'invalid_input');
    await expectRefused(c.sockets.host, 'signal', { sessionId: c.sessionId, to: c.guest.id, data: { sdp: 'raw' } }, 'invalid_input');
    await expectRefused(c.sockets.host, 'signal', { sessionId: c.sessionId, to: c.host.id, data: offer }, 'invalid_input');
    await barrier(c.guest.id, c.sockets.guest);
    expect(guestInbox).toEqual([]);
  });

  it('delivers only to the recipient’s sockets that joined the session', async () => {
    const c = await cast();
    const elsewhere = await t.socket(c.guest.token);
    const elsewhereInbox = inbox(elsewhere);
    const roomInbox = inbox(c.sockets.guest);
    expect((await emit(c.sockets.host, 'signal', { sessionId: c.sessionId, to: c.guest.id, data: offer })).ok).toBe(true);
    await barrier(c.guest.id, elsewhere);
    await barrier(c.guest.id, c.sockets.guest);
    expect(elsewhereInbox).toEqual([]);
    expect(roomInbox).toHaveLength(1);
  });

  it('stops relaying to and from a member once they are removed or banned', async () => {
    const c = await cast();
    await t.api('DELETE', `/api/sessions/${c.sessionId}/participants/${c.guest.id}`, { token: c.host.token });
    await expectRefused(c.sockets.guest, 'signal', { sessionId: c.sessionId, to: c.host.id, data: offer }, 'forbidden');
    await expectRefused(c.sockets.host, 'signal', { sessionId: c.sessionId, to: c.guest.id, data: offer }, 'not_found');
    await t.storage.moderation.upsertBan({ sessionId: c.sessionId, userId: c.viewer.id, reason: null, createdBy: c.host.id, createdAt: new Date() });
    await expectRefused(c.sockets.viewer, 'signal', { sessionId: c.sessionId, to: c.host.id, data: offer }, 'banned');
  });

  it('refuses a viewer who asks the host for a guest link, and signals without a channel', async () => {
    const c = await cast();
    const hostInbox = inbox(c.sockets.host);
    await expectRefused(c.sockets.viewer, 'signal', { sessionId: c.sessionId, to: c.host.id, data: hello('guest') }, 'forbidden');
    await expectRefused(c.sockets.viewer, 'signal', { sessionId: c.sessionId, to: c.host.id, data: offer }, 'forbidden');
    await expectRefused(c.sockets.viewer, 'signal', { sessionId: c.sessionId, to: c.host.id, data: { restart: true } }, 'forbidden');
    await expectRefused(c.sockets.viewer, 'signal', { sessionId: c.sessionId, to: c.host.id, data: { restart: true, channel: 'stage' } }, 'invalid_input');
    // The host cannot pull a viewer onto the stage mesh either; a guest on stage still can link.
    await expectRefused(c.sockets.host, 'signal', { sessionId: c.sessionId, to: c.viewer.id, data: hello('guest') }, 'forbidden');
    expect((await emit(c.sockets.guest, 'signal', { sessionId: c.sessionId, to: c.host.id, data: hello('guest') })).ok).toBe(true);
    await barrier(c.host.id, c.sockets.host);
    expect(hostInbox).toEqual([{ sessionId: c.sessionId, from: c.guest.id, data: hello('guest') }]);
  });

  it('closes the stage mesh to a guest the host moved back to the audience', async () => {
    const c = await cast();
    const res = await t.api('PATCH', `/api/sessions/${c.sessionId}/participants/${c.guest.id}`, { token: c.host.token, body: { role: 'viewer' } });
    expect(res.status).toBe(200);
    await expectRefused(c.sockets.guest, 'signal', { sessionId: c.sessionId, to: c.host.id, data: hello('guest') }, 'forbidden');
    expect((await emit(c.sockets.guest, 'signal', { sessionId: c.sessionId, to: c.host.id, data: hello('program') })).ok).toBe(true);
  });
});

describe.each(testDialects)('signaling when media goes through the relay [%s]', (dialect) => {
  let t: TestRelay;
  beforeAll(async () => {
    t = await startTestRelay({ dialect, env: { MEDIA_MODE: 'auto' } });
  });
  afterAll(() => t.close());

  it('gives viewers of a WHIP/WHEP session no program link to the host', async () => {
    const host = await account(t);
    const viewer = await account(t);
    const session = await liveSession(t, host, { isPublic: true });
    const hostSocket = await t.socket(host.token);
    const viewerSocket = await t.socket(viewer.token);
    await joinRoom(hostSocket, session.id);
    await joinRoom(viewerSocket, session.id);
    const received: unknown[] = [];
    hostSocket.on('signal', (p) => received.push(p));
    for (const channel of ['program', 'guest'] as const) {
      await expectRefused(viewerSocket, 'signal', { sessionId: session.id, to: host.id, data: hello(channel) }, 'forbidden');
    }
    await expectRefused(hostSocket, 'signal', { sessionId: session.id, to: viewer.id, data: programOffer }, 'forbidden');
    // Ordering barrier: an event to the host after the refusals.
    const marker = nextEvent(hostSocket, 'viewers:count', (e) => e.sessionId === 'barrier');
    t.relay.ctx.notifier.toUser(host.id, 'viewers:count', { sessionId: 'barrier', count: 0 });
    await marker;
    expect(received).toEqual([]);
  });
});

describe.each(testDialects)('signaling budget [%s]', (dialect) => {
  let t: TestRelay;
  // Time stands still in this relay, so no bucket refills while the flood is processed however slow the machine.
  const frozen = new Date();
  beforeAll(async () => {
    t = await startTestRelay({ dialect, env: { MEDIA_MODE: 'p2p' }, deps: { clock: () => new Date(frozen) } });
  });
  afterAll(() => t.close());

  async function cast(relay: TestRelay) {
    const host = await account(relay);
    const viewer = await account(relay);
    const session = await liveSession(relay, host);
    const sockets = { host: await relay.socket(host.token), viewer: await relay.socket(viewer.token) };
    await joinRoom(sockets.host, session.id);
    await joinRoom(sockets.viewer, session.id);
    return { sessionId: session.id, host, viewer, sockets };
  }
  const inbox = (socket: ClientSocket): unknown[] => {
    const received: unknown[] = [];
    socket.on('signal', (payload) => received.push(payload));
    return received;
  };
  const until = async (done: () => boolean): Promise<void> => {
    while (!done()) await new Promise((resolve) => setTimeout(resolve, 10));
  };

  it('cuts a signal flood off after a small budget, and the host receives only what passed', async () => {
    const c = await cast(t);
    const hostInbox = inbox(c.sockets.host);
    const big = { description: { type: 'offer', sdp: 'a'.repeat(60 * 1024) }, channel: 'program' };
    const acks = await Promise.all(Array.from({ length: 200 }, () => emit(c.sockets.viewer, 'signal', { sessionId: c.sessionId, to: c.host.id, data: big })));
    const passed = acks.filter((a) => a.ok).length;
    const limited = acks.filter((a) => !a.ok && a.error.code === 'rate_limited').length;
    expect(passed).toBe(4);
    expect(passed + limited).toBe(200);
        await until(() => hostInbox.length >= passed);
    expect(hostInbox).toHaveLength(passed);
    // Small messages are budgeted by count as well.
    const other = await cast(t);
    const many = await Promise.all(Array.from({ length: 200 }, () => emit(other.sockets.viewer, 'signal', { sessionId: other.sessionId, to: other.host.id, data: hello('program') })));
    expect(many.filter((a) => a.ok).length).toBe(60);
    expect(many.some((a) => !a.ok && a.error.code === 'rate_limited')).toBe(true);
  });
});
