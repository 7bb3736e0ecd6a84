/**
 * An invitation opens a private session only until it expires. An expired invitation stays `pending`
 * in storage until someone looks at it (lazy expiry), so access must check its time, not its status:
 * here the stale row is written as it would be found a day after it was sent.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../support/databases.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';
import { account, expectError, expectRefused, liveSession, type Account } from '../sessions/helpers.js';

describe.each(testDialects)('expired invitations [%s]', (dialect) => {
  let t: TestRelay;
  beforeAll(async () => {
    t = await startTestRelay({ dialect });
  });
  afterAll(() => t.close());

  const inviteAt = (sessionId: string, host: Account, invitee: Account, expiresAt: Date) =>
    t.storage.invitations.create({
      id: randomUUID(),
      sessionId,
      fromUserId: host.id,
      toUserId: invitee.id,
      message: '',
      status: 'pending',
      createdAt: new Date(expiresAt.getTime() - 24 * 3600_000),
      expiresAt,
    });

  it('lets an invitee in while the invitation is valid, and no longer once it expired', async () => {
    const host = await account(t);
    const current = await account(t);
    const late = await account(t);
    const session = await liveSession(t, host, { isPublic: false });
    await inviteAt(session.id, host, current, new Date(Date.now() + 3600_000));
    await inviteAt(session.id, host, late, new Date(Date.now() - 60_000));

    expect((await t.api('GET', `/api/sessions/${session.id}`, { token: current.token })).status).toBe(200);
    expect((await t.api('POST', `/api/sessions/${session.id}/join`, { token: current.token })).status).toBe(200);

    // The expired invitee: the session does not exist for them, over HTTP and over the socket.
    expectError(await t.api('GET', `/api/sessions/${session.id}`, { token: late.token }), 404, 'not_found');
    expectError(await t.api('POST', `/api/sessions/${session.id}/join`, { token: late.token }), 404, 'not_found');
    expectError(await t.api('GET', `/api/sessions/${session.id}/participants`, { token: late.token }), 404, 'not_found');
    const socket = await t.socket(late.token);
    await expectRefused(socket, 'session:join', { sessionId: session.id }, 'not_found');
    expect(await t.storage.participants.find(session.id, late.id)).toBeNull();
  });
});
