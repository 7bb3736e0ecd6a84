import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rooms } from '../../../protocol/rooms.js';
import { IceServersReply, JoinReply, ParticipantReply, ParticipantsReply, SessionStats } from '../../../protocol/sessions.js';
import { testDialects } from '../../support/databases.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';
import { account, expectError, join, joinRoom, liveSession, nextEvent, parse, seatGuest } from './helpers.js';

describe.each(testDialects)('participants [%s]', (dialect) => {
  let t: TestRelay;
  beforeAll(async () => {
    t = await startTestRelay({
      dialect,
      env: {
        ICE_SERVERS: JSON.stringify([{ urls: 'stun:stun.example.org:3478' }]),
        TURN_SECRET: 'turn-shared-secret',
        TURN_URLS: 'turn:turn.example.org:3478?transport=udp,turns:turn.example.org:5349',
      },
    });
  });
  afterAll(() => t.close());

  const patch = (sessionId: string, userId: string, token: string, body: unknown) =>
    t.api('PATCH', `/api/sessions/${sessionId}/participants/${userId}`, { token, body });

  it('lets a participant toggle their own devices until the host forces one off', async () => {
    const host = await account(t);
    const guest = await account(t);
    const session = await liveSession(t, host);
    await seatGuest(t, session.id, host, guest);
    expect(parse(ParticipantReply, await patch(session.id, guest.id, guest.token, { audioEnabled: false }), 200).participant.audioEnabled).toBe(false);
    expect(parse(ParticipantReply, await patch(session.id, guest.id, guest.token, { audioEnabled: true }), 200).participant.audioEnabled).toBe(true);

    expect(parse(ParticipantReply, await patch(session.id, guest.id, host.token, { audioEnabled: false }), 200).participant.audioEnabled).toBe(false);
    expectError(await patch(session.id, guest.id, guest.token, { audioEnabled: true }), 403, 'forbidden');
    // What the host did not touch stays the guest's to decide.
    expect(parse(ParticipantReply, await patch(session.id, guest.id, guest.token, { videoEnabled: false }), 200).participant.videoEnabled).toBe(false);
    expect(parse(ParticipantReply, await patch(session.id, guest.id, guest.token, { videoEnabled: true }), 200).participant.videoEnabled).toBe(true);

    await patch(session.id, guest.id, host.token, { audioEnabled: true });
    expect(parse(ParticipantReply, await patch(session.id, guest.id, guest.token, { audioEnabled: false }), 200).participant.audioEnabled).toBe(false);
    expect(parse(ParticipantReply, await patch(session.id, guest.id, guest.token, { audioEnabled: true }), 200).participant.audioEnabled).toBe(true);
  });

  it('keeps roles and other people’s devices in the host’s hands', async () => {
    const host = await account(t);
    const guest = await account(t);
    const viewer = await account(t);
    const session = await liveSession(t, host);
    await seatGuest(t, session.id, host, guest);
    await join(t, session.id, viewer);
    expectError(await patch(session.id, guest.id, guest.token, { role: 'moderator' }), 403, 'not_host');
    expectError(await patch(session.id, viewer.id, guest.token, { audioEnabled: false }), 403, 'not_host');
    expectError(await patch(session.id, host.id, host.token, { role: 'viewer' }), 403);
    expect(parse(ParticipantReply, await patch(session.id, viewer.id, host.token, { role: 'moderator' }), 200).participant.role).toBe('moderator');
    expect((await t.api('GET', `/api/sessions/${session.id}/stats`, { token: viewer.token })).status).toBe(200);
    expect(parse(ParticipantReply, await patch(session.id, guest.id, host.token, { role: 'viewer' }), 200).participant.role).toBe('viewer');
    const { participants } = parse(ParticipantsReply, await t.api('GET', `/api/sessions/${session.id}/participants`, { token: host.token }), 200);
    expect(participants.map((p) => p.role).sort()).toEqual(['host', 'moderator']);
    const all = parse(ParticipantsReply, await t.api('GET', `/api/sessions/${session.id}/participants?includeViewers=1`, { token: host.token }), 200);
    expect(all.participants.map((p) => p.userId)).toContain(guest.id);
  });

  it('removing a guest takes their socket out of the room, and they come back only as a viewer', async () => {
    const host = await account(t);
    const guest = await account(t);
    const session = await liveSession(t, host);
    await seatGuest(t, session.id, host, guest);
    const hostSocket = await t.socket(host.token);
    await joinRoom(hostSocket, session.id);
    const guestSocket = await t.socket(guest.token);
    await joinRoom(guestSocket, session.id);
    const inRoom = async () => (await t.relay.io.in(rooms.session(session.id)).fetchSockets()).map((s) => s.id);
    expect(await inRoom()).toContain(guestSocket.id);

    const rosterWithoutGuest = nextEvent(hostSocket, 'participants:update', (e) => !e.participants.some((p) => p.userId === guest.id));
    expect((await t.api('DELETE', `/api/sessions/${session.id}/participants/${guest.id}`, { token: host.token })).status).toBe(204);
    await rosterWithoutGuest;
    expect(await inRoom()).not.toContain(guestSocket.id);
    expectError(await t.api('DELETE', `/api/sessions/${session.id}/participants/${guest.id}`, { token: host.token }), 404, 'not_found');
    expect((await join(t, session.id, guest)).role).toBe('viewer');
  });

  it('counts viewers: anonymous sockets each, signed-in users once, the stage not at all', async () => {
    const host = await account(t);
    const guest = await account(t);
    const viewer = await account(t);
    const session = await liveSession(t, host);
    await seatGuest(t, session.id, host, guest);
    const hostSocket = await t.socket(host.token);
    await joinRoom(hostSocket, session.id);
    await joinRoom(await t.socket(guest.token), session.id);
    await joinRoom(await t.socket(), session.id);
    await joinRoom(await t.socket(), session.id);
    await joinRoom(await t.socket(viewer.token), session.id);
    const last = await t.socket(viewer.token);
    const ack = await joinRoom(last, session.id);
    expect(ack.session.viewerCount).toBe(3);
    // The viewer's second socket leaving changes nothing: they still watch on the first one.
    await last.emitWithAck('session:leave', { sessionId: session.id });
    const anonymous = await t.socket();
    const reachedFour = nextEvent(hostSocket, 'viewers:count', (e) => e.count === 4);
    await joinRoom(anonymous, session.id);
    await reachedFour;
    const backToThree = nextEvent(hostSocket, 'viewers:count', (e) => e.count === 3);
    anonymous.close();
    await backToThree;
    const stats = parse(SessionStats, await t.api('GET', `/api/sessions/${session.id}/stats`, { token: host.token }), 200);
    expect(stats.viewerCount).toBe(3);
    expect(stats.peakViewerCount).toBeGreaterThanOrEqual(3);
  });

  it('marks a participant disconnected when their last socket goes', async () => {
    const host = await account(t);
    const guest = await account(t);
    const session = await liveSession(t, host);
    await seatGuest(t, session.id, host, guest);
    const hostSocket = await t.socket(host.token);
    await joinRoom(hostSocket, session.id);
    const guestSocket = await t.socket(guest.token);
    const connected = nextEvent(hostSocket, 'participants:update', (e) => e.participants.some((p) => p.userId === guest.id && p.connected));
    await joinRoom(guestSocket, session.id);
    await connected;
    const disconnected = nextEvent(hostSocket, 'participants:update', (e) => e.participants.some((p) => p.userId === guest.id && !p.connected));
    guestSocket.close();
    await disconnected;
  });

  it('reports stats to the host and moderators only', async () => {
    const host = await account(t);
    const guest = await account(t);
    const session = await liveSession(t, host);
    await seatGuest(t, session.id, host, guest);
    for (const content of ['one', 'two']) {
      await t.storage.messages.insert({
        id: randomUUID(), sessionId: session.id, userId: host.id, displayName: 'Host', content, type: 'text', clientMessageId: null, createdAt: new Date(),
      });
    }
    await t.storage.reactions.add(session.id, '🔥', guest.id, new Date());
    const stats = parse(SessionStats, await t.api('GET', `/api/sessions/${session.id}/stats`, { token: host.token }), 200);
    expect(stats).toMatchObject({ participantCount: 2, messageCount: 2, reactionCount: 1 });
    expect(stats.durationMs).toBeGreaterThanOrEqual(0);
    expectError(await t.api('GET', `/api/sessions/${session.id}/stats`, { token: guest.token }), 403, 'forbidden');
  });

  it('hands participants ICE servers with TURN credentials in the coturn shared-secret scheme', async () => {
    const host = await account(t);
    const viewer = await account(t);
    const stranger = await account(t);
    const session = await liveSession(t, host);
    // The join reply already carries them (the viewer's player needs no second request), the same as
    // `/ice-servers` gives afterwards.
    const joined = parse(JoinReply, await t.api('POST', `/api/sessions/${session.id}/join`, { token: viewer.token }), 200);
    expect(joined.participant.userId).toBe(viewer.id);
    const { iceServers } = parse(IceServersReply, await t.api('GET', `/api/sessions/${session.id}/ice-servers`, { token: viewer.token }), 200);
    // (Compared without the credentials: their expiry is in seconds and the two calls may straddle one.)
    expect(joined.iceServers.map((s) => s.urls)).toEqual(iceServers.map((s) => s.urls));
    expect(joined.iceServers[1]?.username?.split(':')[1]).toBe(viewer.id);
    expect(iceServers[0]).toEqual({ urls: 'stun:stun.example.org:3478' });
    const turn = iceServers[1];
    expect(turn?.urls).toEqual(['turn:turn.example.org:3478?transport=udp', 'turns:turn.example.org:5349']);
    const [expiry, userId] = (turn?.username ?? '').split(':');
    expect(userId).toBe(viewer.id);
    expect(Number(expiry)).toBeGreaterThan(Date.now() / 1000);
    expect(turn?.credential).toBe(createHmac('sha1', 'turn-shared-secret').update(turn?.username ?? '').digest('base64'));
    expectError(await t.api('GET', `/api/sessions/${session.id}/ice-servers`, { token: stranger.token }), 403, 'forbidden');
    expectError(await t.api('GET', `/api/sessions/${session.id}/ice-servers`), 401, 'unauthorized');
  });
});
