/**
 * Who may do what: every mutating session and invitation route, and the socket events of the
 * sessions and signaling domains, tried as each kind of caller. Each cell runs on a fresh session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvitationReply, InviteLinkReply } from '../../../protocol/invitations.js';
import { testDialects } from '../../support/databases.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';
import { account, createSession, emit, join, parse, seatGuest, type Account } from '../sessions/helpers.js';

const ROLES = ['host', 'guest', 'moderator', 'viewer', 'invitee', 'stranger', 'anonymous', 'banned'] as const;
type Caller = (typeof ROLES)[number];
type Outcome = number | string;

interface Scene {
  t: TestRelay;
  sessionId: string;
  users: Record<Exclude<Caller, 'anonymous'>, Account>;
  invitationId: string;
  linkToken: string;
}

interface Row {
  action: string;
  pending?: boolean;
  isPublic?: boolean;
  /** The HTTP status or socket ack (`ok` or the error code) the caller got. */
  run(scene: Scene, caller: Account | null): Promise<Outcome>;
  expected: Record<Caller, Outcome>;
}

const http = (method: string, path: (s: Scene) => string, body?: (s: Scene) => unknown) =>
  async (s: Scene, caller: Account | null): Promise<Outcome> =>
    (await s.t.api(method, path(s), { token: caller?.token, body: body?.(s) })).status;

const socketEvent = (event: 'session:join' | 'session:leave' | 'signal', payload: (s: Scene) => unknown, joinFirst: boolean) =>
  async (s: Scene, caller: Account | null): Promise<Outcome> => {
    const socket = await s.t.socket(caller?.token);
    try {
      if (joinFirst) await emit(socket, 'session:join', { sessionId: s.sessionId });
      const ack = await emit(socket, event, payload(s));
      return ack.ok ? 'ok' : ack.error.code;
    } finally {
      socket.close();
    }
  };

const only = (yes: Outcome, winners: Caller[], no: Outcome, anonymous: Outcome = 401): Record<Caller, Outcome> =>
  Object.fromEntries(ROLES.map((r) => [r, r === 'anonymous' ? anonymous : winners.includes(r) ? yes : no])) as Record<Caller, Outcome>;

const sessionPath = (tail: string) => (s: Scene) => `/api/sessions/${s.sessionId}${tail}`;

const ROWS: Row[] = [
  { action: 'POST start', pending: true, run: http('POST', sessionPath('/start')), expected: only(200, ['host'], 403) },
  { action: 'POST end', run: http('POST', sessionPath('/end')), expected: only(200, ['host'], 403) },
  {
    action: 'POST join',
    run: http('POST', sessionPath('/join')),
    expected: { host: 200, guest: 200, moderator: 200, viewer: 200, invitee: 200, stranger: 200, anonymous: 401, banned: 403 },
  },
  {
    action: 'POST join (private)',
    isPublic: false,
    run: http('POST', sessionPath('/join')),
    expected: { host: 200, guest: 200, moderator: 200, viewer: 200, invitee: 200, stranger: 404, anonymous: 404, banned: 403 },
  },
  {
    action: 'POST leave',
    run: http('POST', sessionPath('/leave')),
    expected: { host: 403, guest: 204, moderator: 204, viewer: 204, invitee: 403, stranger: 403, anonymous: 401, banned: 204 },
  },
  {
    action: 'PATCH guest audio off',
    run: http('PATCH', (s) => `/api/sessions/${s.sessionId}/participants/${s.users.guest.id}`, () => ({ audioEnabled: false })),
    expected: only(200, ['host', 'guest'], 403),
  },
  {
    action: 'PATCH viewer role',
    run: http('PATCH', (s) => `/api/sessions/${s.sessionId}/participants/${s.users.viewer.id}`, () => ({ role: 'moderator' })),
    expected: only(200, ['host'], 403),
  },
  {
    action: 'DELETE viewer',
    run: http('DELETE', (s) => `/api/sessions/${s.sessionId}/participants/${s.users.viewer.id}`),
    expected: only(204, ['host'], 403),
  },
  {
    action: 'DELETE a ban the host made',
    run: http('DELETE', (s) => `/api/sessions/${s.sessionId}/bans/${s.users.banned.id}`),
    expected: only(204, ['host'], 403),
  },
  {
    action: 'POST ban the moderator',
    run: http('POST', sessionPath('/bans'), (s) => ({ userId: s.users.moderator.id })),
    expected: only(200, ['host'], 403),
  },
  {
    action: 'POST mute the host',
    run: http('POST', sessionPath('/mutes'), (s) => ({ userId: s.users.host.id })),
    expected: only(403, [], 403),
  },
  {
    action: 'GET participants with viewers',
    run: http('GET', sessionPath('/participants?includeViewers=1')),
    expected: { host: 200, guest: 403, moderator: 200, viewer: 403, invitee: 403, stranger: 403, anonymous: 401, banned: 403 },
  },
  { action: 'GET stats', run: http('GET', sessionPath('/stats')), expected: only(200, ['host', 'moderator'], 403) },
  {
    action: 'GET ice-servers',
    run: http('GET', sessionPath('/ice-servers')),
    expected: only(200, ['host', 'guest', 'moderator', 'viewer'], 403),
  },
  {
    action: 'POST invitations',
    run: async (s, caller) => {
      const target = await account(s.t);
      return (await s.t.api('POST', `/api/sessions/${s.sessionId}/invitations`, { token: caller?.token, body: { toUserId: target.id } })).status;
    },
    expected: only(201, ['host'], 403),
  },
  { action: 'POST invite-links', run: http('POST', sessionPath('/invite-links'), () => ({})), expected: only(201, ['host'], 403) },
  { action: 'POST accept', run: http('POST', (s) => `/api/invitations/${s.invitationId}/accept`), expected: only(200, ['invitee'], 404) },
  { action: 'POST reject', run: http('POST', (s) => `/api/invitations/${s.invitationId}/reject`), expected: only(200, ['invitee'], 404) },
  {
    action: 'POST redeem link',
    run: http('POST', (s) => `/api/invite-links/${s.linkToken}/redeem`),
    expected: { host: 200, guest: 200, moderator: 200, viewer: 200, invitee: 200, stranger: 200, anonymous: 401, banned: 403 },
  },
  {
    action: 'socket session:join',
    run: socketEvent('session:join', (s) => ({ sessionId: s.sessionId }), false),
    expected: { host: 'ok', guest: 'ok', moderator: 'ok', viewer: 'ok', invitee: 'ok', stranger: 'ok', anonymous: 'ok', banned: 'banned' },
  },
  {
    action: 'socket session:join (private)',
    isPublic: false,
    run: socketEvent('session:join', (s) => ({ sessionId: s.sessionId }), false),
    expected: { host: 'ok', guest: 'ok', moderator: 'ok', viewer: 'ok', invitee: 'ok', stranger: 'not_found', anonymous: 'not_found', banned: 'banned' },
  },
  {
    action: 'socket session:leave',
    run: socketEvent('session:leave', (s) => ({ sessionId: s.sessionId }), true),
    expected: only('ok', [...ROLES], 'ok', 'ok'),
  },
  {
    action: 'socket signal to the host, no channel',
    run: socketEvent('signal', (s) => ({ sessionId: s.sessionId, to: s.users.host.id, data: { restart: true } }), true),
    expected: { host: 'invalid_input', guest: 'forbidden', moderator: 'forbidden', viewer: 'forbidden', invitee: 'forbidden', stranger: 'forbidden', anonymous: 'unauthorized', banned: 'forbidden' },
  },
  {
    action: 'socket signal to the host, guest (stage) link',
    run: socketEvent('signal', (s) => ({ sessionId: s.sessionId, to: s.users.host.id, data: { restart: true, channel: 'guest' } }), true),
    expected: { host: 'invalid_input', guest: 'ok', moderator: 'ok', viewer: 'forbidden', invitee: 'forbidden', stranger: 'forbidden', anonymous: 'unauthorized', banned: 'forbidden' },
  },
  {
    action: 'socket signal to the host, program link (public: WHIP/WHEP)',
    run: socketEvent('signal', (s) => ({ sessionId: s.sessionId, to: s.users.host.id, data: { restart: true, channel: 'program' } }), true),
    expected: { host: 'invalid_input', guest: 'forbidden', moderator: 'forbidden', viewer: 'forbidden', invitee: 'forbidden', stranger: 'forbidden', anonymous: 'unauthorized', banned: 'forbidden' },
  },
  {
    action: 'socket signal to the host, program link (private: P2P)',
    isPublic: false,
    run: socketEvent('signal', (s) => ({ sessionId: s.sessionId, to: s.users.host.id, data: { restart: true, channel: 'program' } }), true),
    expected: { host: 'invalid_input', guest: 'ok', moderator: 'ok', viewer: 'ok', invitee: 'ok', stranger: 'forbidden', anonymous: 'unauthorized', banned: 'forbidden' },
  },
];

describe.each(testDialects)('authorization matrix [%s]', (dialect) => {
  let t: TestRelay;
  let users: Scene['users'];
  beforeAll(async () => {
    t = await startTestRelay({ dialect });
    const entries = await Promise.all(
      (['host', 'guest', 'moderator', 'viewer', 'invitee', 'stranger', 'banned'] as const).map(async (r) => [r, await account(t)] as const),
    );
    users = Object.fromEntries(entries) as Scene['users'];
  });
  afterAll(() => t.close());

  /** A fresh session with one caller of each kind; the host waits in the room so signals have a target. */
  async function scene(row: Row, sessionId: string): Promise<Scene> {
    const session = { id: sessionId };
    if (!row.pending) await t.api('POST', `/api/sessions/${session.id}/start`, { token: users.host.token });
    await seatGuest(t, session.id, users.host, users.guest);
    if (row.isPublic === false) {
      // A private session admits only invitees: a pending invitation lets these three in as viewers.
      for (const who of [users.moderator, users.viewer, users.banned]) {
        await t.api('POST', `/api/sessions/${session.id}/invitations`, { token: users.host.token, body: { toUserId: who.id } });
      }
    }
    await join(t, session.id, users.moderator);
    await t.api('PATCH', `/api/sessions/${session.id}/participants/${users.moderator.id}`, { token: users.host.token, body: { role: 'moderator' } });
    await join(t, session.id, users.viewer);
    await join(t, session.id, users.banned);
    await t.storage.moderation.upsertBan({ sessionId: session.id, userId: users.banned.id, reason: 'spam', createdBy: users.host.id, createdAt: new Date() });
    const invited = await t.api('POST', `/api/sessions/${session.id}/invitations`, { token: users.host.token, body: { toUserId: users.invitee.id } });
    const link = await t.api('POST', `/api/sessions/${session.id}/invite-links`, { token: users.host.token });
    return {
      t,
      sessionId: session.id,
      users,
      invitationId: parse(InvitationReply, invited, 201).invitation.id,
      linkToken: parse(InviteLinkReply, link, 201).token,
    };
  }

  /** Frees the host to host again: a session that never started is started, then ended. */
  async function finish(sessionId: string): Promise<void> {
    await t.api('POST', `/api/sessions/${sessionId}/start`, { token: users.host.token });
    await t.api('POST', `/api/sessions/${sessionId}/end`, { token: users.host.token });
  }

  it.each(ROWS)('$action', async (row) => {
    const outcomes = {} as Record<Caller, Outcome>;
    for (const caller of ROLES) {
      const { id } = await createSession(t, users.host, { isPublic: row.isPublic ?? true });
      const hostSocket = await t.socket(users.host.token);
      try {
        const s = await scene(row, id);
        await emit(hostSocket, 'session:join', { sessionId: s.sessionId });
        outcomes[caller] = await row.run(s, caller === 'anonymous' ? null : users[caller]);
      } finally {
        hostSocket.close();
        await finish(id);
      }
    }
    expect(outcomes).toEqual(row.expected);
  });
});
