/**
 * What joiners are sent alike is shared between joins that follow each other closely (a join storm).
 * These check that sharing never hides a change from the next joiner, nor lets a refused join through.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../support/databases.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';
import { account, emit, expectRefused, joinRoom, liveSession, nextEvent, seatGuest } from './helpers.js';

describe.each(testDialects)('join snapshot [%s]', (dialect) => {
  let t: TestRelay;
  beforeAll(async () => {
    t = await startTestRelay({ dialect });
  });
  afterAll(() => t.close());

  it('gives the next joiner the chat message sent since the previous join', async () => {
    const host = await account(t);
    const session = await liveSession(t, host);
    const hostSocket = await t.socket(host.token);
    await joinRoom(hostSocket, session.id);
    const first = await t.socket();
    expect((await joinRoom(first, session.id)).messages).toEqual([]);

    const delivered = nextEvent(first, 'chat:messages');
    const sent = await emit(hostSocket, 'chat:send', { sessionId: session.id, content: 'hello room', clientMessageId: randomUUID() });
    expect(sent.ok).toBe(true);
    await delivered;
    const second = await t.socket();
    expect((await joinRoom(second, session.id)).messages.map((m) => m.content)).toEqual(['hello room']);
    for (const s of [hostSocket, first, second]) s.close();
  });

  it('shows the next joiner a guest seated since the previous join', async () => {
    const host = await account(t);
    const guest = await account(t);
    const session = await liveSession(t, host);
    const first = await t.socket();
    const before = await joinRoom(first, session.id);
    expect(before.participants.map((p) => p.userId)).toEqual([host.id]);
    expect(before.session.participantCount).toBe(1);

    await seatGuest(t, session.id, host, guest);
    const second = await t.socket();
    const after = await joinRoom(second, session.id);
    expect(after.participants.map((p) => p.userId).sort()).toEqual([host.id, guest.id].sort());
    expect(after.session.participantCount).toBe(2);
    for (const s of [first, second]) s.close();
  });

  it('refuses a join right after the session ended, and a viewer banned right after another joined', async () => {
    const host = await account(t);
    const banned = await account(t);
    const session = await liveSession(t, host);
    const first = await t.socket();
    await joinRoom(first, session.id);

    const ban = await t.api('POST', `/api/sessions/${session.id}/bans`, { token: host.token, body: { userId: banned.id } });
    expect(ban.status).toBe(200);
    const bannedSocket = await t.socket(banned.token);
    await expectRefused(bannedSocket, 'session:join', { sessionId: session.id }, 'banned');

    expect((await t.api('POST', `/api/sessions/${session.id}/end`, { token: host.token })).status).toBe(200);
    const late = await t.socket();
    await expectRefused(late, 'session:join', { sessionId: session.id }, 'invalid_transition');
    for (const s of [first, bannedSocket, late]) s.close();
  });
});
