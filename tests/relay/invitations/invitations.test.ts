import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AcceptInvitationReply, InvitationReply, InvitationsReply, InviteLinkInfoReply, InviteLinkReply, RedeemInviteLinkReply } from '../../../protocol/invitations.js';
import { SessionReply } from '../../../protocol/sessions.js';
import { testDialects } from '../../support/databases.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';
import { account, expectError, joinRoom, liveSession, nextEvent, parse, seatGuest, type Account } from '../sessions/helpers.js';

const DAY_MS = 24 * 3600_000;

describe.each(testDialects)('invitations [%s]', (dialect) => {
  let t: TestRelay;
  let now = Date.now();
  beforeAll(async () => {
    t = await startTestRelay({ dialect, deps: { clock: () => new Date(now) } });
  });
  afterAll(() => t.close());

  const invite = (sessionId: string, host: Account, to: string, message?: string) =>
    t.api('POST', `/api/sessions/${sessionId}/invitations`, { token: host.token, body: { toUserId: to, ...(message ? { message } : {}) } });
  const pending = async (who: Account) => parse(InvitationsReply, await t.api('GET', '/api/invitations/pending', { token: who.token }), 200).invitations;

  it('invites, tells the invitee, refuses a duplicate, and seats them as a guest on accept', async () => {
    const host = await account(t);
    const invitee = await account(t);
    const session = await liveSession(t, host, { isPublic: false });
    const inviteeSocket = await t.socket(invitee.token);
    const hostSocket = await t.socket(host.token);
    const told = nextEvent(inviteeSocket, 'invitation:new');
    const { invitation } = parse(InvitationReply, await invite(session.id, host, invitee.id, 'Come on stage'), 201);
    expect(invitation).toMatchObject({ sessionId: session.id, fromUserId: host.id, toUserId: invitee.id, status: 'pending', message: 'Come on stage' });
    expect((await told).invitation.id).toBe(invitation.id);
    expectError(await invite(session.id, host, invitee.id), 409, 'duplicate');
    expect((await pending(invitee)).map((i) => i.id)).toEqual([invitation.id]);

    const hostTold = nextEvent(hostSocket, 'invitation:update', (e) => e.invitation.status === 'accepted');
    const accepted = parse(AcceptInvitationReply, await t.api('POST', `/api/invitations/${invitation.id}/accept`, { token: invitee.token }), 200);
    expect(accepted.invitation.status).toBe('accepted');
    expect(accepted.participant).toMatchObject({ userId: invitee.id, role: 'guest' });
    await hostTold;
    expect(await pending(invitee)).toEqual([]);
    expectError(await t.api('POST', `/api/invitations/${invitation.id}/accept`, { token: invitee.token }), 409, 'invalid_transition');
    // A guest already on stage cannot be invited again.
    expectError(await invite(session.id, host, invitee.id), 409, 'duplicate');
  });

  it('lets the invitee reject, and nobody else answer', async () => {
    const host = await account(t);
    const invitee = await account(t);
    const stranger = await account(t);
    const session = await liveSession(t, host);
    const { invitation } = parse(InvitationReply, await invite(session.id, host, invitee.id), 201);
    expectError(await t.api('POST', `/api/invitations/${invitation.id}/accept`, { token: stranger.token }), 404, 'not_found');
    expectError(await t.api('POST', `/api/invitations/${invitation.id}/accept`, { token: host.token }), 404, 'not_found');
    expectError(await t.api('POST', `/api/invitations/${invitation.id}/reject`, { token: stranger.token }), 404, 'not_found');
    expectError(await t.api('POST', `/api/invitations/${invitation.id}/accept`), 401, 'unauthorized');
    const rejected = parse(InvitationReply, await t.api('POST', `/api/invitations/${invitation.id}/reject`, { token: invitee.token }), 200);
    expect(rejected.invitation.status).toBe('rejected');
    expectError(await t.api('POST', `/api/invitations/${invitation.id}/accept`, { token: invitee.token }), 409, 'invalid_transition');
    // Once answered, a new invitation is fine.
    expect((await invite(session.id, host, invitee.id)).status).toBe(201);
  });

  it('expires invitations after a day: no longer pending, 409 on accept, and a new one may be sent', async () => {
    const host = await account(t);
    const invitee = await account(t);
    const session = await liveSession(t, host);
    const { invitation } = parse(InvitationReply, await invite(session.id, host, invitee.id), 201);
    now += DAY_MS + 1000;
    expect(await pending(invitee)).toEqual([]);
    expectError(await t.api('POST', `/api/invitations/${invitation.id}/accept`, { token: invitee.token }), 409, 'expired');
    expect((await t.storage.invitations.findById(invitation.id))?.status).toBe('expired');
    expect((await invite(session.id, host, invitee.id)).status).toBe(201);
  });

  it('cancels pending invitations when the session ends', async () => {
    const host = await account(t);
    const invitee = await account(t);
    const session = await liveSession(t, host);
    const { invitation } = parse(InvitationReply, await invite(session.id, host, invitee.id), 201);
    await t.api('POST', `/api/sessions/${session.id}/end`, { token: host.token });
    expect((await t.storage.invitations.findById(invitation.id))?.status).toBe('cancelled');
    expectError(await t.api('POST', `/api/invitations/${invitation.id}/accept`, { token: invitee.token }), 409, 'invalid_transition');
    expectError(await invite(session.id, host, invitee.id), 409, 'invalid_transition');
  });

  it('refuses to invite oneself or an unknown user', async () => {
    const host = await account(t);
    const session = await liveSession(t, host);
    expectError(await invite(session.id, host, host.id), 400, 'invalid_input');
    expectError(await invite(session.id, host, 'no-such-user'), 404, 'not_found');
  });

  it('makes invite links whose token is never stored and which seat the holder as a guest', async () => {
    const host = await account(t);
    const session = await liveSession(t, host, { isPublic: false, maxParticipants: 2 });
    const link = parse(InviteLinkReply, await t.api('POST', `/api/sessions/${session.id}/invite-links`, { token: host.token, body: {} }), 201);
    expect(link.url).toBe(`${t.url}/join/${link.token}`);
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(link.expiresAt) - now).toBe(DAY_MS);
    expect(await t.storage.invitations.findLink(link.token)).toBeNull();
    expect(await t.storage.invitations.findLink(createHash('sha256').update(link.token).digest('hex'))).not.toBeNull();

    const guest = await account(t);
    const guestSocket = await t.socket(guest.token);
    const hostSocket = await t.socket(host.token);
    await joinRoom(hostSocket, session.id);
    const rosterHasGuest = nextEvent(hostSocket, 'participants:update', (e) => e.participants.some((p) => p.userId === guest.id && p.role === 'guest'));
    const redeemed = parse(RedeemInviteLinkReply, await t.api('POST', `/api/invite-links/${link.token}/redeem`, { token: guest.token }), 200);
    expect(redeemed).toMatchObject({ sessionId: session.id, participant: { userId: guest.id, role: 'guest' } });
    await rosterHasGuest;
    // The private session is now visible to the guest, who may join its room.
    expect(parse(SessionReply, await t.api('GET', `/api/sessions/${session.id}`, { token: guest.token }), 200).session.id).toBe(session.id);
    await joinRoom(guestSocket, session.id);

    const late = await account(t);
    expectError(await t.api('POST', `/api/invite-links/${link.token}/redeem`, { token: late.token }), 409, 'session_full');
    expectError(await t.api('POST', `/api/invite-links/${link.token}/redeem`), 401, 'unauthorized');
    expectError(await t.api('POST', `/api/invite-links/${'x'.repeat(43)}/redeem`, { token: late.token }), 404, 'not_found');
  });

  it('refuses expired links and links of ended sessions', async () => {
    const host = await account(t);
    const session = await liveSession(t, host);
    const short = parse(InviteLinkReply, await t.api('POST', `/api/sessions/${session.id}/invite-links`, { token: host.token, body: { expiresInSeconds: 60 } }), 201);
    const long = parse(InviteLinkReply, await t.api('POST', `/api/sessions/${session.id}/invite-links`, { token: host.token }), 201);
    now += 61_000;
    const holder = await account(t);
    expectError(await t.api('POST', `/api/invite-links/${short.token}/redeem`, { token: holder.token }), 409, 'expired');
    await t.api('POST', `/api/sessions/${session.id}/end`, { token: host.token });
    expectError(await t.api('POST', `/api/invite-links/${long.token}/redeem`, { token: holder.token }), 409, 'invalid_transition');
    expectError(await t.api('POST', `/api/sessions/${session.id}/invite-links`, { token: host.token, body: { expiresInSeconds: 59 } }), 400, 'invalid_input');
  });

  it('tells anyone holding a link where it leads, and refuses unknown, expired and ended links', async () => {
    const host = await account(t);
    const session = await liveSession(t, host, { title: 'Evening show' });
    const short = parse(InviteLinkReply, await t.api('POST', `/api/sessions/${session.id}/invite-links`, { token: host.token, body: { expiresInSeconds: 60 } }), 201);
    const long = parse(InviteLinkReply, await t.api('POST', `/api/sessions/${session.id}/invite-links`, { token: host.token }), 201);
    // No account needed: the guest page asks before signing in.
    const info = parse(InviteLinkInfoReply, await t.api('GET', `/api/invite-links/${short.token}`), 200);
    expect(info).toEqual({ sessionId: session.id, sessionTitle: 'Evening show', hostDisplayName: session.host.displayName, expiresAt: short.expiresAt, role: 'guest' });
    expectError(await t.api('GET', `/api/invite-links/${'x'.repeat(43)}`), 404, 'not_found');
    expectError(await t.api('GET', '/api/invite-links/short'), 400, 'invalid_input');
    now += 61_000;
    expectError(await t.api('GET', `/api/invite-links/${short.token}`), 409, 'expired');
    parse(InviteLinkInfoReply, await t.api('GET', `/api/invite-links/${long.token}`), 200);
    await t.api('POST', `/api/sessions/${session.id}/end`, { token: host.token });
    expectError(await t.api('GET', `/api/invite-links/${long.token}`), 409, 'expired');
  });

  it('accepting into a full session is refused and leaves the invitation pending', async () => {
    const host = await account(t);
    const session = await liveSession(t, host, { maxParticipants: 2 });
    await seatGuest(t, session.id, host, await account(t));
    const invitee = await account(t);
    const { invitation } = parse(InvitationReply, await invite(session.id, host, invitee.id), 201);
    expectError(await t.api('POST', `/api/invitations/${invitation.id}/accept`, { token: invitee.token }), 409, 'session_full');
    expect((await t.storage.invitations.findById(invitation.id))?.status).toBe('pending');
  });

  it('gives the last seat to exactly one of several concurrent accepts and link redemptions', async () => {
    const host = await account(t);
    const session = await liveSession(t, host, { maxParticipants: 3 });
    const invitees = [await account(t), await account(t), await account(t)];
    const ids: string[] = [];
    for (const invitee of invitees) ids.push(parse(InvitationReply, await invite(session.id, host, invitee.id), 201).invitation.id);
    const link = parse(InviteLinkReply, await t.api('POST', `/api/sessions/${session.id}/invite-links`, { token: host.token }), 201);
    const holders = [await account(t), await account(t)];
    const replies = await Promise.all([
      ...invitees.map((invitee, i) => t.api('POST', `/api/invitations/${ids[i]}/accept`, { token: invitee.token })),
      ...holders.map((holder) => t.api('POST', `/api/invite-links/${link.token}/redeem`, { token: holder.token })),
    ]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 200, 409, 409, 409]);
    expect(await t.storage.participants.count(session.id, ['host', 'guest'])).toBe(3);
  });
});
