import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InviteLinkInfoReply, InviteLinkReply, RedeemInviteLinkReply } from '../../../protocol/invitations.js';
import { ParticipantsReply, SessionReply } from '../../../protocol/sessions.js';
import { testDialects } from '../../support/databases.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';
import { account, expectError, liveSession, parse, type Account } from '../sessions/helpers.js';

describe.each(testDialects)('viewer invite links to a private live [%s]', (dialect) => {
  let t: TestRelay;
  beforeAll(async () => {
    t = await startTestRelay({ dialect });
  });
  afterAll(() => t.close());

  const link = async (sessionId: string, host: Account, body: unknown = { role: 'viewer' }) =>
    parse(InviteLinkReply, await t.api('POST', `/api/sessions/${sessionId}/invite-links`, { token: host.token, body }), 201);
  const redeem = (token: string, who?: { token: string }) => t.api('POST', `/api/invite-links/${token}/redeem`, { token: who?.token });
  const getSession = (id: string, who?: { token: string }) => t.api('GET', `/api/sessions/${id}`, { token: who?.token });

  it('opens a private live to its holder as a viewer (watch, not stage), on /watch; nobody else gets in', async () => {
    const host = await account(t);
    const session = await liveSession(t, host, { isPublic: false });
    const viewerLink = await link(session.id, host);
    expect(viewerLink.role).toBe('viewer');
    expect(viewerLink.url).toBe(`${t.url}/watch/${session.id}?invite=${viewerLink.token}`);
    const info = parse(InviteLinkInfoReply, await t.api('GET', `/api/invite-links/${viewerLink.token}`), 200);
    expect(info).toMatchObject({ sessionId: session.id, role: 'viewer' });

    // Before redeeming: the private live does not exist for a stranger (nor for an anonymous caller).
    const holder = await t.guest('Esi');
    expectError(await getSession(session.id, holder), 404, 'not_found');
    expectError(await redeem(viewerLink.token), 401, 'unauthorized');

    const redeemed = parse(RedeemInviteLinkReply, await redeem(viewerLink.token, holder), 200);
    expect(redeemed).toMatchObject({ sessionId: session.id, participant: { userId: holder.user.id, role: 'viewer' } });
    expect(parse(SessionReply, await getSession(session.id, holder), 200).session.id).toBe(session.id);
    // Joining (the watch page's next call) keeps them a viewer; redeeming twice changes nothing.
    const joined = await t.api('POST', `/api/sessions/${session.id}/join`, { token: holder.token });
    expect(joined.status).toBe(200);
    expect(parse(RedeemInviteLinkReply, await redeem(viewerLink.token, holder), 200).participant.role).toBe('viewer');
    // Not on the stage's roster.
    const roster = parse(ParticipantsReply, await t.api('GET', `/api/sessions/${session.id}/participants`, { token: host.token }), 200);
    expect(roster.participants.find((p) => p.userId === holder.user.id && p.role !== 'viewer')).toBeUndefined();

    // Someone without the link still sees nothing.
    const stranger = await t.guest('Kofi');
    expectError(await getSession(session.id, stranger), 404, 'not_found');
  });

  it('a guest link still leads to /join and seats a guest; the default is guest', async () => {
    const host = await account(t);
    const session = await liveSession(t, host, { isPublic: false });
    const guestLink = await link(session.id, host, {});
    expect(guestLink.url).toBe(`${t.url}/join/${guestLink.token}`);
    expect((await link(session.id, host, { role: 'guest' })).url).toMatch(/\/join\//);
    expect(parse(InviteLinkInfoReply, await t.api('GET', `/api/invite-links/${guestLink.token}`), 200).role).toBe('guest');
    const guest = await account(t);
    expect(parse(RedeemInviteLinkReply, await redeem(guestLink.token, guest), 200).participant.role).toBe('guest');
  });

  it('refuses what it must: not the host, a banned holder, an unknown role, an ended live', async () => {
    const host = await account(t);
    const session = await liveSession(t, host, { isPublic: false });
    const other = await account(t);
    expectError(await t.api('POST', `/api/sessions/${session.id}/invite-links`, { token: other.token, body: { role: 'viewer' } }), 404, 'not_found');
    expectError(await t.api('POST', `/api/sessions/${session.id}/invite-links`, { token: host.token, body: { role: 'host' } }), 400, 'invalid_input');
    expectError(await t.api('POST', `/api/sessions/${session.id}/invite-links`, { token: host.token, body: { role: 'moderator' } }), 400, 'invalid_input');
    const viewerLink = await link(session.id, host);

    // A banned person does not come back in through a viewer link.
    const troll = await t.guest('Troll');
    parse(RedeemInviteLinkReply, await redeem(viewerLink.token, troll), 200);
    const ban = await t.api('POST', `/api/sessions/${session.id}/bans`, { token: host.token, body: { userId: troll.user.id } });
    expect([200, 201]).toContain(ban.status);
    expectError(await redeem(viewerLink.token, troll), 403, 'banned');

    expect((await t.api('POST', `/api/sessions/${session.id}/end`, { token: host.token })).status).toBe(200);
    const late = await t.guest('Late');
    expectError(await redeem(viewerLink.token, late), 409, 'expired');
  });
});
