/**
 * Text that hides or impersonates is cleaned: one cleaning function (protocol cleanString) on every
 * free-text field, blocked terms matched on TR39 skeletons, blank names refused, and nobody chats under
 * a name that folds to the host's. Real relay, SQLite and MariaDB.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthReply } from '../../../protocol/users.js';
import { SessionReply } from '../../../protocol/sessions.js';
import { InvitationReply } from '../../../protocol/invitations.js';
import { BanReply } from '../../../protocol/chat.js';
import { testDialects } from '../../support/databases.js';
import { startTestRelay, uniqueName, type TestRelay } from '../../support/relay.js';
import { join, parse } from '../sessions/helpers.js';

const TAG = (s: string) => [...s].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('');

/** Names that look blank once rendered: every one must be refused. */
const BLANK_NAMES = ['\u3164', '\u2800\u2800', '\u115F\u1160', TAG('admin'), '\u061C', ' \u3164 \u200B ', '\uFFA0', '\u034F\u034F', '\u{1D173}'];
/** Ways around the blocked term `scam`: every one must be blocked. */
const DISGUISED = ['s\u034Fcam', `sc${TAG('x')}am`, 'ѕсаm', 'ＳＣＡＭ', 'SCAM!', 's\u200Bc\u200Ba\u200Bm', 'šcam', '𝐬𝐜𝐚𝐦'];
/** Innocent words around it: none may be blocked. */
const INNOCENT = ['scampi tonight', 'the scammer’s cousin', 'a scan of it'];

describe.each(testDialects)('text cleaning [%s]', (dialect) => {
  let t: TestRelay;
  beforeAll(async () => {
    t = await startTestRelay({ dialect, env: { CHAT_RATE_BURST: '1000', CHAT_RATE_PER_SECOND: '1000' } });
  });
  afterAll(() => t.close());

  const signUp = async (displayName: string) =>
    parse(AuthReply, await t.api('POST', '/api/auth/register', { body: { username: uniqueName(), password: 'correct horse battery', displayName } }), 201);
  const say = (sessionId: string, token: string, content: string) =>
    t.api('POST', `/api/sessions/${sessionId}/messages`, { token, body: { content, clientMessageId: uniqueName('cmid-xxxx') } });

  it('refuses display names that are blank once invisible characters are removed', async () => {
    for (const name of BLANK_NAMES) {
      const guest = await t.api('POST', '/api/auth/guest', { body: { displayName: name } });
      expect(guest.status, JSON.stringify(name)).toBe(400);
      const account = await t.api('POST', '/api/auth/register', { body: { username: uniqueName(), password: 'correct horse battery', displayName: name } });
      expect(account.status, JSON.stringify(name)).toBe(400);
    }
    expect((await signUp('\u061CZoé \u{E0041}😀')).user.displayName).toBe('Zoé 😀');
    expect((await signUp('🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F} fan')).user.displayName).toBe('🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F} fan');
  });

  it('blocks a term however it is disguised, and only whole words', async () => {
    const host = await signUp('Host');
    const session = parse(SessionReply, await t.api('POST', '/api/sessions', { token: host.token, body: { title: 'Chat', type: 'video', isPublic: true } }), 201).session;
    await t.api('POST', `/api/sessions/${session.id}/start`, { token: host.token });
    expect((await t.api('PATCH', `/api/sessions/${session.id}/chat/settings`, { token: host.token, body: { blockedTerms: ['scam'] } })).status).toBe(200);
    const viewer = await signUp('Viewer');
    await join(t, session.id, { id: viewer.user.id, token: viewer.token });
    for (const content of DISGUISED) {
      const res = await say(session.id, viewer.token, `this is a ${content} really`);
      expect(res.status, JSON.stringify(content)).toBe(403);
      expect(JSON.stringify(res.body)).toContain('blocked_term');
    }
    for (const content of INNOCENT) expect((await say(session.id, viewer.token, content)).status, content).toBe(201);
  });

  it('cleans the description, ban reasons and invitation messages', async () => {
    const host = await signUp('Host');
    const created = await t.api('POST', '/api/sessions', {
      token: host.token,
      body: { title: 'Clean', type: 'video', isPublic: true, description: 'Tonight\u202E gnos \u2066wen\u2069 \u{E0041}!' },
    });
    const session = parse(SessionReply, created, 201).session;
    expect(session.description).toBe('Tonight gnos wen !');
    expect((await t.storage.sessions.findById(session.id))?.description).toBe('Tonight gnos wen !');
    await t.api('POST', `/api/sessions/${session.id}/start`, { token: host.token });
    const target = await signUp('Target');
    await join(t, session.id, { id: target.user.id, token: target.token });
    const ban = parse(BanReply, await t.api('POST', `/api/sessions/${session.id}/bans`, { token: host.token, body: { userId: target.user.id, reason: 'spam\u202Emaps\u200B' } }), 200).ban;
    expect(ban.reason).toBe('spammaps');
    const invitee = await signUp('Invitee');
    const invitation = parse(InvitationReply, await t.api('POST', `/api/sessions/${session.id}/invitations`, {
      token: host.token,
      body: { toUserId: invitee.user.id, message: 'Come\u202E on\u3164 stage' },
    }), 201).invitation;
    expect(invitation.message).toBe('Come on stage');
  });

  it('refuses chat under a name that folds to the host’s in that session', async () => {
    const host = await signUp('Afia Live');
    const session = parse(SessionReply, await t.api('POST', '/api/sessions', { token: host.token, body: { title: 'Afia', type: 'video', isPublic: true } }), 201).session;
    await t.api('POST', `/api/sessions/${session.id}/start`, { token: host.token });
    for (const name of ['Аfia Live', 'AFIA LIVE', 'Ａｆｉａ Ｌｉｖｅ', 'Afia\u0301 Live']) {
      const poser = await signUp(name);
      await join(t, session.id, { id: poser.user.id, token: poser.token });
      const res = await say(session.id, poser.token, 'I am the host, send gifts');
      expect(res.status, name).toBe(403);
    }
    const fan = await signUp('Afia Fan');
    await join(t, session.id, { id: fan.user.id, token: fan.token });
    expect((await say(session.id, fan.token, 'hello')).status).toBe(201);
    expect((await say(session.id, host.token, 'hello from the host')).status).toBe(201);
  });
});
