/**
 * A ban is a ban: it ends every role, only the host lifts what the host decided, and moderators
 * cannot act on the host or on each other. Real relay, SQLite and MariaDB.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParticipantReply } from '../../../protocol/sessions.js';
import { testDialects } from '../../support/databases.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';
import { account, expectError, join, liveSession, parse, type Account } from '../sessions/helpers.js';

describe.each(testDialects)('ban rules [%s]', (dialect) => {
  let t: TestRelay;
  beforeAll(async () => {
    t = await startTestRelay({ dialect });
  });
  afterAll(() => t.close());

  async function promote(sessionId: string, host: Account, who: Account): Promise<void> {
    await join(t, sessionId, who);
    const res = await t.api('PATCH', `/api/sessions/${sessionId}/participants/${who.id}`, { token: host.token, body: { role: 'moderator' } });
    expect(res.status).toBe(200);
  }
  const ban = (sessionId: string, by: Account, userId: string) =>
    t.api('POST', `/api/sessions/${sessionId}/bans`, { token: by.token, body: { userId, reason: 'spam' } });
  const unban = (sessionId: string, by: Account, userId: string) => t.api('DELETE', `/api/sessions/${sessionId}/bans/${userId}`, { token: by.token });
  const mute = (sessionId: string, by: Account, userId: string) => t.api('POST', `/api/sessions/${sessionId}/mutes`, { token: by.token, body: { userId } });

  it('host bans moderator M1; M2 cannot lift it; M1 comes back as a viewer only after the host does', async () => {
    const [host, m1, m2] = [await account(t), await account(t), await account(t)];
    const session = await liveSession(t, host);
    await promote(session.id, host, m1);
    await promote(session.id, host, m2);

    expect((await ban(session.id, host, m1.id)).status).toBe(200);
    expectError(await unban(session.id, m2, m1.id), 403, 'forbidden');
    expectError(await t.api('POST', `/api/sessions/${session.id}/join`, { token: m1.token }), 403, 'banned');
    expect(await t.storage.moderation.findBan(session.id, m1.id)).not.toBeNull();

    expect((await unban(session.id, host, m1.id)).status).toBe(204);
    const back = parse(ParticipantReply, await t.api('POST', `/api/sessions/${session.id}/join`, { token: m1.token }), 200).participant;
    expect(back.role).toBe('viewer');
  });

  it('a banned guest loses the stage seat for good', async () => {
    const [host, guest] = [await account(t), await account(t)];
    const session = await liveSession(t, host);
    await join(t, session.id, guest);
    await t.api('PATCH', `/api/sessions/${session.id}/participants/${guest.id}`, { token: host.token, body: { role: 'guest' } });
    expect((await ban(session.id, host, guest.id)).status).toBe(200);
    expect((await unban(session.id, host, guest.id)).status).toBe(204);
    expect((await join(t, session.id, guest)).role).toBe('viewer');
  });

  it('moderators cannot ban or mute the host or each other, even one who stepped out; they lift each other’s bans of viewers', async () => {
    const [host, m1, m2, viewer] = [await account(t), await account(t), await account(t), await account(t)];
    const session = await liveSession(t, host);
    await promote(session.id, host, m1);
    await promote(session.id, host, m2);
    await join(t, session.id, viewer);
    for (const target of [host.id, m2.id]) {
      expectError(await ban(session.id, m1, target), 403, 'forbidden');
      expectError(await mute(session.id, m1, target), 403, 'forbidden');
    }
    expect((await t.api('POST', `/api/sessions/${session.id}/leave`, { token: m2.token })).status).toBe(204);
    expectError(await ban(session.id, m1, m2.id), 403, 'forbidden');
    expect((await ban(session.id, m1, viewer.id)).status).toBe(200);
    expect((await join(t, session.id, m2)).role).toBe('moderator');
    expect((await unban(session.id, m2, viewer.id)).status).toBe(204);
  });
});
