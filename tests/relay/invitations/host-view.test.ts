import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvitationReply, InvitationsReply } from '../../../protocol/invitations.js';
import { testDialects } from '../../support/databases.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';
import { account, expectError, liveSession, nextEvent, parse } from '../sessions/helpers.js';

/** The host sees every invitation's state and may revoke a pending one; inbox lines carry names. */
describe.each(testDialects)('invitations: host view and revoke [%s]', (dialect) => {
  let t: TestRelay;
  beforeAll(async () => {
    t = await startTestRelay({ dialect });
  });
  afterAll(() => t.close());

  const invite = async (sessionId: string, host: { token: string }, toUserId: string) =>
    parse(InvitationReply, await t.api('POST', `/api/sessions/${sessionId}/invitations`, { token: host.token, body: { toUserId } }), 201).invitation;

  it('lists pending, accepted and declined invitations with names, and revokes a pending one', async () => {
    const host = await account(t);
    const [ama, kofi, lina] = [await account(t), await account(t), await account(t)];
    const session = await liveSession(t, host, { title: 'Morning talk' });
    const toAma = await invite(session.id, host, ama.id);
    expect(toAma).toMatchObject({ sessionTitle: 'Morning talk', status: 'pending' });
    expect(toAma.fromDisplayName).not.toBe('');
    const toKofi = await invite(session.id, host, kofi.id);
    const toLina = await invite(session.id, host, lina.id);
    expect((await t.api('POST', `/api/invitations/${toAma.id}/accept`, { token: ama.token })).status).toBe(200);
    expect((await t.api('POST', `/api/invitations/${toKofi.id}/reject`, { token: kofi.token })).status).toBe(200);

    // Lina's inbox shows who invites her to what; the host revokes: her socket hears it, the list drops it.
    const inbox = parse(InvitationsReply, await t.api('GET', '/api/invitations/pending', { token: lina.token }), 200).invitations;
    expect(inbox.map((i) => [i.id, i.sessionTitle])).toEqual([[toLina.id, 'Morning talk']]);
    const linaSocket = await t.socket(lina.token);
    const told = nextEvent(linaSocket, 'invitation:update', (e) => e.invitation.id === toLina.id);
    const revoked = parse(InvitationReply, await t.api('POST', `/api/invitations/${toLina.id}/revoke`, { token: host.token }), 200).invitation;
    expect(revoked.status).toBe('cancelled');
    expect((await told).invitation.status).toBe('cancelled');
    expect(parse(InvitationsReply, await t.api('GET', '/api/invitations/pending', { token: lina.token }), 200).invitations).toEqual([]);
    expectError(await t.api('POST', `/api/invitations/${toLina.id}/accept`, { token: lina.token }), 409, 'invalid_transition');

    const list = parse(InvitationsReply, await t.api('GET', `/api/sessions/${session.id}/invitations`, { token: host.token }), 200).invitations;
    expect(list.map((i) => [i.toUserId, i.status])).toEqual([
      [ama.id, 'accepted'],
      [kofi.id, 'rejected'],
      [lina.id, 'cancelled'],
    ]);
    expect(list.every((i) => i.toDisplayName !== '')).toBe(true);
    linaSocket.close();
  });

  it('refuses the list and revoke to anyone but the host, and revoking twice, changing nothing', async () => {
    const host = await account(t);
    const invitee = await account(t);
    const stranger = await account(t);
    const session = await liveSession(t, host);
    const inv = await invite(session.id, host, invitee.id);
    expectError(await t.api('GET', `/api/sessions/${session.id}/invitations`, { token: invitee.token }), 403, 'not_host');
    expectError(await t.api('GET', `/api/sessions/${session.id}/invitations`), 401, 'unauthorized');
    expectError(await t.api('POST', `/api/invitations/${inv.id}/revoke`, { token: invitee.token }), 404, 'not_found');
    expectError(await t.api('POST', `/api/invitations/${inv.id}/revoke`, { token: stranger.token }), 404, 'not_found');
    expectError(await t.api('POST', `/api/invitations/${inv.id}/revoke`), 401, 'unauthorized');
    expectError(await t.api('POST', '/api/invitations/no-such-invitation/revoke', { token: host.token }), 404, 'not_found');
    expectError(await t.api('POST', `/api/invitations/${inv.id}/revoke`, { token: host.token, body: { evil: true } }), 400, 'invalid_input');
    const pending = parse(InvitationsReply, await t.api('GET', '/api/invitations/pending', { token: invitee.token }), 200).invitations;
    expect(pending.map((i) => i.status)).toEqual(['pending']);
    expect((await t.api('POST', `/api/invitations/${inv.id}/revoke`, { token: host.token })).status).toBe(200);
    expectError(await t.api('POST', `/api/invitations/${inv.id}/revoke`, { token: host.token }), 409, 'invalid_transition');
  });
});
