import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MaybeSessionReply, ParticipantsReply, SessionReply, SessionsReply } from '../../../protocol/sessions.js';
import { testDialects } from '../../support/databases.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';
import { account, createSession, expectError, join, joinRoom, liveSession, nextEvent, parse, seatGuest, sessionBody } from './helpers.js';

describe.each(testDialects)('session lifecycle [%s]', (dialect) => {
  let t: TestRelay;
  beforeAll(async () => {
    t = await startTestRelay({ dialect, env: { MAX_LIVE_PARTICIPANTS: '6' } });
  });
  afterAll(() => t.close());

  it('creates a pending session with the caller as host, once at a time', async () => {
    const host = await account(t);
    const session = await createSession(t, host, { title: '  Cooking  ' });
    expect(session).toMatchObject({ state: 'pending', hostId: host.id, title: 'Cooking', maxParticipants: 4, participantCount: 1 });
    const { participants } = parse(ParticipantsReply, await t.api('GET', `/api/sessions/${session.id}/participants`, { token: host.token }), 200);
    expect(participants.map((p) => [p.userId, p.role])).toEqual([[host.id, 'host']]);
    expectError(await t.api('POST', '/api/sessions', { token: host.token, body: sessionBody() }), 409, 'already_hosting');
  });

  it('lets only one of several concurrent creates by the same host succeed', async () => {
    const host = await account(t);
    const replies = await Promise.all([1, 2, 3].map(() => t.api('POST', '/api/sessions', { token: host.token, body: sessionBody() })));
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409, 409]);
  });

  it('caps maxParticipants at MAX_LIVE_PARTICIPANTS', async () => {
    const host = await account(t);
    expectError(await t.api('POST', '/api/sessions', { token: host.token, body: sessionBody({ maxParticipants: 7 }) }), 400, 'invalid_input');
    expect((await createSession(t, host, { maxParticipants: 6 })).maxParticipants).toBe(6);
  });

  it('goes pending → starting → live → ending → ended, telling the room each step', async () => {
    const host = await account(t);
    const created = await createSession(t, host);
    const watcher = await t.socket();
    await joinRoom(watcher, created.id);
    const seen: string[] = [];
    watcher.on('session:state', (e) => seen.push(e.state));

    const started = parse(SessionReply, await t.api('POST', `/api/sessions/${created.id}/start`, { token: host.token }), 200).session;
    expect(started.state).toBe('live');
    expect(started.startedAt).not.toBeNull();
    expectError(await t.api('POST', `/api/sessions/${created.id}/start`, { token: host.token }), 409, 'invalid_transition');

    const endedEvent = nextEvent(watcher, 'session:state', (e) => e.state === 'ended');
    const ended = parse(SessionReply, await t.api('POST', `/api/sessions/${created.id}/end`, { token: host.token }), 200).session;
    expect(ended.state).toBe('ended');
    await endedEvent;
    expect(seen).toEqual(['starting', 'live', 'ending', 'ended']);
    expectError(await t.api('POST', `/api/sessions/${created.id}/end`, { token: host.token }), 409, 'invalid_transition');
    // The host may host again once the session ended.
    await createSession(t, host);
  });

  it('cancels a session that never started, so its host may create another', async () => {
    const host = await account(t);
    const created = await createSession(t, host);
    const ended = parse(SessionReply, await t.api('POST', `/api/sessions/${created.id}/end`, { token: host.token }), 200).session;
    expect(ended).toMatchObject({ state: 'ended', startedAt: null });
    expectError(await t.api('POST', `/api/sessions/${created.id}/start`, { token: host.token }), 409, 'invalid_transition');
    await createSession(t, host);
  });

  it('lets only one of two concurrent starts, and one of two concurrent ends, succeed', async () => {
    const host = await account(t);
    const created = await createSession(t, host);
    const starts = await Promise.all([1, 2].map(() => t.api('POST', `/api/sessions/${created.id}/start`, { token: host.token })));
    expect(starts.map((r) => r.status).sort()).toEqual([200, 409]);
    const ends = await Promise.all([1, 2, 3].map(() => t.api('POST', `/api/sessions/${created.id}/end`, { token: host.token })));
    expect(ends.map((r) => r.status).sort()).toEqual([200, 409, 409]);
  });

  it('takes every socket out of the room when the session ends', async () => {
    const host = await account(t);
    const session = await liveSession(t, host);
    const viewer = await account(t);
    const viewerSocket = await t.socket(viewer.token);
    await joinRoom(viewerSocket, session.id);
    const ended = nextEvent(viewerSocket, 'session:state', (e) => e.state === 'ended');
    await t.api('POST', `/api/sessions/${session.id}/end`, { token: host.token });
    await ended;
    expect(await t.relay.io.in(`session:${session.id}`).fetchSockets()).toHaveLength(0);
    expectError(await t.api('POST', `/api/sessions/${session.id}/join`, { token: viewer.token }), 409);
  });

  it('hides private sessions from strangers and the anonymous, not from the host or invitees', async () => {
    const host = await account(t);
    const stranger = await account(t);
    const invitee = await account(t);
    const session = await liveSession(t, host, { isPublic: false });
    expectError(await t.api('GET', `/api/sessions/${session.id}`, { token: stranger.token }), 404, 'not_found');
    expectError(await t.api('GET', `/api/sessions/${session.id}`), 404, 'not_found');
    expectError(await t.api('POST', `/api/sessions/${session.id}/join`, { token: stranger.token }), 404, 'not_found');
    expectError(await t.api('GET', `/api/sessions/does-not-exist`, { token: stranger.token }), 404, 'not_found');
    expect((await t.api('GET', `/api/sessions/${session.id}`, { token: host.token })).status).toBe(200);
    await t.api('POST', `/api/sessions/${session.id}/invitations`, { token: host.token, body: { toUserId: invitee.id } });
    expect((await t.api('GET', `/api/sessions/${session.id}`, { token: invitee.token })).status).toBe(200);
    const { sessions } = parse(SessionsReply, await t.api('GET', '/api/sessions?scope=public'), 200);
    expect(sessions.map((s) => s.id)).not.toContain(session.id);
  });

  it('lists public sessions on air, most viewers first', async () => {
    const [a, b, c] = [await account(t), await account(t), await account(t)];
    const quiet = await liveSession(t, a, { title: 'Quiet' });
    const busy = await liveSession(t, b, { title: 'Busy' });
    const waiting = await createSession(t, c, { title: 'Not started' });
    for (let i = 0; i < 2; i++) await joinRoom(await t.socket(), busy.id);
    await joinRoom(await t.socket(), quiet.id);
    const { sessions } = parse(SessionsReply, await t.api('GET', '/api/sessions?scope=public'), 200);
    const ids = sessions.map((s) => s.id);
    expect(ids).not.toContain(waiting.id);
    expect(ids.indexOf(busy.id)).toBeLessThan(ids.indexOf(quiet.id));
    expect(sessions.find((s) => s.id === busy.id)?.viewerCount).toBe(2);
    expectError(await t.api('GET', '/api/sessions?scope=everything'), 400, 'invalid_input');
  });

  it('reports the caller’s current session as host or participant', async () => {
    const host = await account(t);
    const guest = await account(t);
    const stranger = await account(t);
    const session = await liveSession(t, host);
    await seatGuest(t, session.id, host, guest);
    const current = (token: string) => t.api('GET', '/api/sessions/current', { token });
    expect(parse(MaybeSessionReply, await current(host.token), 200).session?.id).toBe(session.id);
    expect(parse(MaybeSessionReply, await current(guest.token), 200).session?.id).toBe(session.id);
    expect(parse(MaybeSessionReply, await current(stranger.token), 200).session).toBeNull();
    expectError(await t.api('GET', '/api/sessions/current'), 401, 'unauthorized');
  });

  it('refuses joins past maxParticipants guests and past MAX_LIVE_VIEWERS', async () => {
    const host = await account(t);
    const session = await liveSession(t, host, { maxParticipants: 2 });
    const first = await account(t);
    await seatGuest(t, session.id, host, first);
    const second = await account(t);
    const inv = await t.api('POST', `/api/sessions/${session.id}/invitations`, { token: host.token, body: { toUserId: second.id } });
    expect(inv.status).toBe(201);
    const invitationId = (inv.body as { invitation: { id: string } }).invitation.id;
    expectError(await t.api('POST', `/api/invitations/${invitationId}/accept`, { token: second.token }), 409, 'session_full');
    // Refused for lack of room, the second still joins as a viewer.
    expect((await join(t, session.id, second)).role).toBe('viewer');
  });
});

describe.each(testDialects)('viewer limit [%s]', (dialect) => {
  let t: TestRelay;
  beforeAll(async () => {
    t = await startTestRelay({ dialect, env: { MAX_LIVE_VIEWERS: '2' } });
  });
  afterAll(() => t.close());

  it('refuses the socket and the HTTP join that would pass MAX_LIVE_VIEWERS', async () => {
    const host = await account(t);
    const session = await liveSession(t, host);
    await joinRoom(await t.socket(host.token), session.id);
    const anonymous = await t.socket();
    await joinRoom(anonymous, session.id);
    const signedIn = await account(t);
    const signedInSocket = await t.socket(signedIn.token);
    await joinRoom(signedInSocket, session.id);
    // A second socket of a counted viewer does not count again.
    await joinRoom(await t.socket(signedIn.token), session.id);
    const late = await t.socket();
    const ack = await late.emitWithAck('session:join', { sessionId: session.id });
    expect(ack.ok ? 'accepted' : ack.error.code).toBe('session_full');
    // Someone signed in takes the seat of the anonymous socket, which is disconnected…
    const gone = new Promise<void>((resolve) => anonymous.once('disconnect', () => resolve()));
    const lateUser = await account(t);
    expect((await t.api('POST', `/api/sessions/${session.id}/join`, { token: lateUser.token })).status).toBe(200);
    await gone;
    await joinRoom(await t.socket(lateUser.token), session.id);
    // …and once no anonymous socket is left, the next one is refused.
    const lastUser = await account(t);
    expectError(await t.api('POST', `/api/sessions/${session.id}/join`, { token: lastUser.token }), 409, 'session_full');
  });
});
