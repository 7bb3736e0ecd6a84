/**
 * Hostile input on the sessions, invitations and signaling surface: wrong types, missing and extra
 * fields, huge strings, unknown ids, SQL metacharacters, unicode edge cases and `__proto__`.
 * Each must get a 4xx with the contract's error shape (or a refused ack) and change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody, cleanString } from '../../../protocol/common.js';
import { SessionState } from '../../../protocol/sessions.js';
import { testDialects } from '../../support/databases.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';
import { account, createSession, emit, joinRoom, seatGuest, type Account } from '../sessions/helpers.js';

const SQL = `x' OR '1'='1'; DROP TABLE sessions; --`;
const HUGE = 'a'.repeat(200_000);
const INVISIBLE_ONLY = '\u200B\u200E\u202E\uFEFF';
const PROTO = JSON.parse('{"__proto__": {"isAdmin": true}, "title": "t", "type": "video", "isPublic": true}') as unknown;

const BAD_CREATE_BODIES: Array<[string, unknown]> = [
  ['title of the wrong type', { title: 123, type: 'video', isPublic: true }],
  ['missing type', { title: 'Show', isPublic: true }],
  ['unknown type', { title: 'Show', type: 'hologram', isPublic: true }],
  ['extra field', { title: 'Show', type: 'video', isPublic: true, hostId: 'someone-else' }],
  ['isPublic as a string', { title: 'Show', type: 'video', isPublic: 'true' }],
  ['huge title', { title: HUGE, type: 'video', isPublic: true }],
  ['invisible-only title', { title: INVISIBLE_ONLY, type: 'video', isPublic: true }],
  ['empty title', { title: '   ', type: 'video', isPublic: true }],
  ['maxParticipants 1', { title: 'Show', type: 'video', isPublic: true, maxParticipants: 1 }],
  ['maxParticipants fractional', { title: 'Show', type: 'video', isPublic: true, maxParticipants: 2.5 }],
  ['maxParticipants as string', { title: 'Show', type: 'video', isPublic: true, maxParticipants: '3' }],
  ['__proto__ key', PROTO],
  ['an array', [{ title: 'Show', type: 'video', isPublic: true }]],
  ['null', null],
  ['a bare string', 'Show'],
];

describe.each(testDialects)('hostile input [%s]', (dialect) => {
  let t: TestRelay;
  let host: Account;
  let guest: Account;
  let sessionId: string;
  beforeAll(async () => {
    t = await startTestRelay({ dialect });
    host = await account(t);
    guest = await account(t);
    sessionId = (await createSession(t, host)).id;
    await t.api('POST', `/api/sessions/${sessionId}/start`, { token: host.token });
    await seatGuest(t, sessionId, host, guest);
  });
  afterAll(() => t.close());

  /** What a bad request could have changed: every session, this one's participants, the guest's invitations. */
  async function snapshot(): Promise<string> {
    const sessions = await t.storage.sessions.listByState(SessionState.options, { limit: 10_000 });
    const participants = await t.storage.participants.list(sessionId);
    const pending = await t.storage.invitations.listPendingFor(guest.id, new Date());
    const hostPending = await t.storage.invitations.listPendingFor(host.id, new Date());
    return JSON.stringify({ sessions, participants, pending, hostPending });
  }

  const expect4xx = (res: { status: number; body: unknown }, label: string) => {
    expect(res.status, `${label}: ${JSON.stringify(res.body)?.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
    expect(res.status, label).toBeLessThan(500);
    ErrorBody.parse(res.body);
  };

  it.each(BAD_CREATE_BODIES)('POST /sessions with %s', async (label, body) => {
    const other = await account(t);
    const before = await snapshot();
    expect4xx(await t.api('POST', '/api/sessions', { token: other.token, body }), label);
    expect(await snapshot()).toBe(before);
  });

  it('refuses malformed JSON and non-JSON bodies', async () => {
    const before = await snapshot();
    expect4xx(await t.api('POST', '/api/sessions', { token: host.token, body: '{"title": "x", ' }), 'broken JSON');
    expect4xx(await t.api('POST', '/api/sessions', { token: host.token, body: 'title=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 'form body');
    expect(await snapshot()).toBe(before);
  });

  it('answers unknown, SQL-laden and unicode ids with 4xx', async () => {
    const before = await snapshot();
    const ids = [SQL, 'no-such-session', '%00', '\u202Eevil', '🎥'.repeat(10), 'x'.repeat(65), '__proto__', 'constructor'];
    for (const id of ids) {
      const enc = encodeURIComponent(id);
      for (const [method, path] of [
        ['GET', `/api/sessions/${enc}`],
        ['POST', `/api/sessions/${enc}/start`],
        ['POST', `/api/sessions/${enc}/end`],
        ['POST', `/api/sessions/${enc}/join`],
        ['GET', `/api/sessions/${enc}/participants`],
        ['PATCH', `/api/sessions/${sessionId}/participants/${enc}`],
        ['DELETE', `/api/sessions/${sessionId}/participants/${enc}`],
        ['POST', `/api/invitations/${enc}/accept`],
        ['POST', `/api/invitations/${enc}/reject`],
        ['POST', `/api/invite-links/${enc}/redeem`],
      ] as const) {
        const body = method === 'PATCH' ? { audioEnabled: false } : undefined;
        expect4xx(await t.api(method, path, { token: host.token, body }), `${method} ${path}`);
      }
    }
    expect(await snapshot()).toBe(before);
  });

  it('refuses bad participant updates, invitations and invite links', async () => {
    const before = await snapshot();
    const participant = `/api/sessions/${sessionId}/participants/${guest.id}`;
    const cases: Array<[string, string, unknown]> = [
      ['PATCH', participant, { audioEnabled: 'yes' }],
      ['PATCH', participant, { role: 'host' }],
      ['PATCH', participant, { role: 'admin' }],
      ['PATCH', participant, { audioForcedOff: false }],
      ['PATCH', participant, JSON.parse('{"__proto__": {"role": "host"}}')],
      ['PATCH', participant, [true]],
      ['POST', `/api/sessions/${sessionId}/invitations`, { toUserId: 42 }],
      ['POST', `/api/sessions/${sessionId}/invitations`, {}],
      ['POST', `/api/sessions/${sessionId}/invitations`, { toUserId: guest.id, message: 'm'.repeat(281) }],
      ['POST', `/api/sessions/${sessionId}/invitations`, { toUserId: SQL }],
      ['POST', `/api/sessions/${sessionId}/invitations`, { toUserId: guest.id, extra: 1 }],
      ['POST', `/api/sessions/${sessionId}/invite-links`, { expiresInSeconds: '600' }],
      ['POST', `/api/sessions/${sessionId}/invite-links`, { expiresInSeconds: 10 }],
      ['POST', `/api/sessions/${sessionId}/invite-links`, { expiresInSeconds: 1e12 }],
      ['POST', `/api/sessions/${sessionId}/invite-links`, { expiresInSeconds: 90.5 }],
      ['POST', `/api/sessions/${sessionId}/invite-links`, { expiresInSeconds: 600, url: 'https://evil.example' }],
      ['POST', `/api/invite-links/short/redeem`, undefined],
      ['POST', `/api/invite-links/${'t'.repeat(3000)}/redeem`, undefined],
      ['GET', `/api/sessions/${sessionId}/participants?includeViewers=maybe`, undefined],
      ['GET', `/api/sessions/${sessionId}/participants?includeViewers=1&includeViewers=0`, undefined],
      ['POST', `/api/sessions/${sessionId}/start?force=1`, undefined],
    ];
    for (const [method, path, body] of cases) {
      expect4xx(await t.api(method, path, { token: host.token, body }), `${method} ${path} ${JSON.stringify(body)?.slice(0, 80)}`);
    }
    expect(await snapshot()).toBe(before);
  });

  it('refuses bad socket payloads with invalid_input and joins no room', async () => {
    const socket = await t.socket(guest.token);
    const before = await snapshot();
    const payloads: unknown[] = [
      undefined, null, 'session', 42, [sessionId], {}, { sessionId: 42 }, { sessionId: '' }, { sessionId: 'x'.repeat(65) },
      { sessionId, extra: true }, { sessionId, afterMessageId: {} }, JSON.parse(`{"__proto__": {"x": 1}, "sessionId": "${sessionId}"}`),
    ];
    for (const payload of payloads) {
      const ack = await emit(socket, 'session:join', payload);
      expect(ack.ok ? 'accepted' : ack.error.code, JSON.stringify(payload)).toBe('invalid_input');
    }
    expect((await t.relay.io.in(`session:${sessionId}`).fetchSockets()).map((s) => s.id)).not.toContain(socket.id);
    for (const payload of [{}, { sessionId }, { sessionId, to: host.id }, { sessionId, to: host.id, data: {} }, { sessionId, to: host.id, data: { description: { type: 'bogus' } } }, { sessionId, to: host.id, data: { candidate: { candidate: HUGE } } }]) {
      const ack = await emit(socket, 'signal', payload);
      expect(ack.ok ? 'accepted' : ack.error.code, JSON.stringify(payload).slice(0, 100)).toBe('invalid_input');
    }
    const unknown = await emit(socket, 'session:join', { sessionId: SQL });
    expect(unknown.ok ? 'accepted' : unknown.error.code).toBe('not_found');
    // After all that, the socket still works.
    expect((await joinRoom(socket, sessionId)).session.id).toBe(sessionId);
    expect(await snapshot()).toBe(before);
  });

  it('stores SQL metacharacters and unicode in a title literally', async () => {
    const other = await account(t);
    const title = `${SQL} — Ça va? 👩🏾‍💻`;
    const created = await createSession(t, other, { title, description: '<script>alert(1)</script>' });
    // The joiner inside the emoji is visible glue: the title is stored exactly as typed.
    expect(cleanString(title)).toBe(title);
    expect(created.title).toBe(title);
    expect(created.title).toContain(SQL);
    expect((await t.storage.sessions.findById(created.id))?.title).toBe(created.title);
    expect(created.description).toBe('<script>alert(1)</script>');
  });
});
