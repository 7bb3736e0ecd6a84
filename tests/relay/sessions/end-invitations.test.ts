import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvitationReply, InvitationsReply, type Invitation } from '../../../protocol/invitations.js';
import type { ServerPayload } from '../../../protocol/events.js';
import { testDialects } from '../../support/databases.js';
import { startTestRelay, type ClientSocket, type TestRelay } from '../../support/relay.js';
import { account, liveSession, nextEvent, parse, type Account } from './helpers.js';

describe.each(testDialects)('ending a session cancels its invitations, and says so [%s]', (dialect) => {
  let t: TestRelay;
  beforeAll(async () => {
    t = await startTestRelay({ dialect });
  });
  afterAll(() => t.close());

  const invite = async (sessionId: string, host: Account, to: Account): Promise<Invitation> =>
    parse(InvitationReply, await t.api('POST', `/api/sessions/${sessionId}/invitations`, { token: host.token, body: { toUserId: to.id } }), 201)
      .invitation;

  /** Every cancellation a socket hears, in order (a late `rejected` update from before is not one). */
  function cancellationsOn(socket: ClientSocket): Invitation[] {
    const heard: Invitation[] = [];
    socket.on('invitation:update', (e: ServerPayload<'invitation:update'>) => {
      if (e.invitation.status === 'cancelled') heard.push(e.invitation);
    });
    return heard;
  }

  it('tells each invitee and the host that the pending invitations were cancelled', async () => {
    const host = await account(t);
    const [first, second, declined] = [await account(t), await account(t), await account(t)];
    const session = await liveSession(t, host, { isPublic: false });
    const hostSocket = await t.socket(host.token);
    const firstSocket = await t.socket(first.token);
    const secondSocket = await t.socket(second.token);
    const declinedSocket = await t.socket(declined.token);
    const toFirst = await invite(session.id, host, first);
    const toSecond = await invite(session.id, host, second);
    const toDeclined = await invite(session.id, host, declined);
    expect((await t.api('POST', `/api/invitations/${toDeclined.id}/reject`, { token: declined.token })).status).toBe(200);

    const declinedHeard = cancellationsOn(declinedSocket);
    const hostHeard = cancellationsOn(hostSocket);
    const firstTold = nextEvent(firstSocket, 'invitation:update');
    const secondTold = nextEvent(secondSocket, 'invitation:update');
    const ended = nextEvent(hostSocket, 'invitation:update', () => hostHeard.length === 2);
    expect((await t.api('POST', `/api/sessions/${session.id}/end`, { token: host.token })).status).toBe(200);

    expect((await firstTold).invitation).toMatchObject({ id: toFirst.id, toUserId: first.id, sessionId: session.id, status: 'cancelled' });
    expect((await secondTold).invitation).toMatchObject({ id: toSecond.id, toUserId: second.id, status: 'cancelled' });
    await ended;
    expect(hostHeard.map((i) => [i.id, i.status]).sort()).toEqual([[toFirst.id, 'cancelled'], [toSecond.id, 'cancelled']].sort());
    // The invitation already answered keeps its answer and is not announced again.
    expect(declinedHeard).toEqual([]);
    const { invitations } = parse(InvitationsReply, await t.api('GET', '/api/invitations/pending', { token: first.token }), 200);
    expect(invitations).toEqual([]);
  });
});
