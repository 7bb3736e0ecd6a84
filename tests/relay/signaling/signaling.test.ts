import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SDP_LENGTH } from '../../../protocol/signaling.js';
import type { ServerPayload } from '../../../protocol/events.js';
import { testDialects } from '../../support/databases.js';
import { startTestRelay, type ClientSocket, type TestRelay } from '../../support/relay.js';
import { account, emit, expectRefused, joinRoom, liveSession, nextEvent, seatGuest, type Account } from '../sessions/helpers.js';

const offer = { description: { type: 'offer', sdp: 'v=0\r\n' } };

describe.each(testDialects)('signaling [%s]', (dialect) => {
  let t: TestRelay;
  let barrierSeq = 0;
  beforeAll(async () => {
    t = await startTestRelay({ dialect });
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
    const answer = { description: { type: 'answer', sdp: 'v=0\r\n' }, channel: 'stage' };
    expect((await emit(c.sockets.guest, 'signal', { sessionId: c.sessionId, to: c.host.id, data: answer })).ok).toBe(true);
    expect(await back).toEqual({ sessionId: c.sessionId, from: c.guest.id, data: answer });
  });

  it('lets viewers and the host signal each other, and nobody else signal a viewer', async () => {
    const c = await cast();
    const guestInbox = inbox(c.sockets.guest);
    const viewerInbox = inbox(c.sockets.viewer);
    const candidate = { candidate: { candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host', sdpMid: '0', sdpMLineIndex: 0 } };
    expect((await emit(c.sockets.viewer, 'signal', { sessionId: c.sessionId, to: c.host.id, data: candidate })).ok).toBe(true);
    expect((await emit(c.sockets.host, 'signal', { sessionId: c.sessionId, to: c.viewer.id, data: offer })).ok).toBe(true);
    await expectRefused(c.sockets.viewer, 'signal', { sessionId: c.sessionId, to: c.guest.id, data: offer }, 'forbidden');
    await expectRefused(c.sockets.guest, 'signal', { sessionId: c.sessionId, to: c.viewer.id, data: offer }, 'forbidden');
    await barrier(c.guest.id, c.sockets.guest);
    await barrier(c.viewer.id, c.sockets.viewer);
    expect(guestInbox).toEqual([]);
    expect(viewerInbox).toEqual([{ sessionId: c.sessionId, from: c.host.id, data: offer }]);
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
});
