/**
 * Who may do what in chat, role by role, for every chat and moderation route and socket event,
 * against SQLite and MariaDB. Each row states the exact outcome a user of that role gets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../../protocol/routes.js';
import { statusForCode } from '../../../protocol/common.js';
import { testDialects } from '../../support/databases.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';
import { buildWorld, call, cid, postMessage, type Member, type RoleName, type World } from './world.js';

type Caller = Exclude<RoleName, 'author'> | 'anonymous';
const callers: Caller[] = ['host', 'moderator', 'guest', 'viewer', 'stranger', 'banned', 'anonymous'];

/** Expected outcome per caller: an HTTP status on success, or an error code. */
type Outcome = number | 'unauthorized' | 'forbidden' | 'banned' | 'not_host';
type Row = Record<Caller, Outcome>;

const everyone = (status: number): Row => ({
  host: status,
  moderator: status,
  guest: status,
  viewer: status,
  stranger: status,
  banned: status,
  anonymous: status,
});
const speakers = (status: number): Row => ({
  host: status,
  moderator: status,
  guest: status,
  viewer: status,
  stranger: 'forbidden',
  banned: 'banned',
  anonymous: 'unauthorized',
});
const moderators = (status: number): Row => ({
  host: status,
  moderator: status,
  guest: 'forbidden',
  viewer: 'forbidden',
  stranger: 'forbidden',
  banned: 'forbidden',
  anonymous: 'unauthorized',
});

describe.each(testDialects)('chat authorization matrix [%s]', (dialect) => {
  let t: TestRelay;
  let w: World;
  const as = (caller: Caller): Member | undefined => (caller === 'anonymous' ? undefined : w.members[caller]);

  beforeAll(async () => {
    t = await startTestRelay({ dialect, env: { CHAT_RATE_BURST: '1000', CHAT_RATE_PER_SECOND: '1000' } });
    w = await buildWorld(t);
  });
  afterAll(async () => t?.close());

  /** Runs `attempt` for each caller and checks the outcome; `undo` restores state after a success. */
  async function expectRow(row: Row, attempt: (caller: Caller) => Promise<{ status: number; body: unknown }>, undo?: () => Promise<void>) {
    for (const caller of callers) {
      const res = await attempt(caller);
      const expected = row[caller];
      if (typeof expected === 'number') {
        expect(res.status, `${caller}: ${JSON.stringify(res.body)}`).toBe(expected);
        await undo?.();
      } else {
        expect(res.status, caller).toBe(statusForCode[expected]);
        expect(res.body, caller).toMatchObject({ error: { code: expected } });
      }
    }
  }

  const id = () => ({ id: w.sessionId });

  it('POST messages: participants of any role; not strangers, the banned or anonymous', async () => {
    await expectRow(speakers(201), (c) => call(t, routes.sendMessage, id(), as(c), { content: `hi from ${c}`, clientMessageId: cid() }));
  });

  it('GET messages, reactions and pins: anyone who may see the public session', async () => {
    await expectRow(everyone(200), (c) => call(t, routes.listMessages, id(), as(c)));
    await expectRow(everyone(200), (c) => call(t, routes.reactionCounts, id(), as(c)));
    await expectRow(everyone(200), (c) => call(t, routes.listPins, id(), as(c)));
  });

  it("DELETE someone else's message: host and moderators", async () => {
    let target = await postMessage(t, w.sessionId, w.members.author, 'target');
    await expectRow(
      moderators(204),
      (c) => call(t, routes.deleteMessage, { ...id(), messageId: target.id }, as(c)),
      async () => {
        target = await postMessage(t, w.sessionId, w.members.author, 'next target');
      },
    );
  });

  it('POST reactions: participants of any role', async () => {
    await expectRow(speakers(201), (c) => call(t, routes.react, id(), as(c), { emoji: '🎉' }));
  });

  it('pin and unpin: host and moderators', async () => {
    const target = await postMessage(t, w.sessionId, w.members.author, 'pin target');
    const params = { ...id(), messageId: target.id };
    await expectRow(moderators(200), (c) => call(t, routes.pinMessage, params, as(c)));
    await expectRow(moderators(200), (c) => call(t, routes.unpinMessage, params, as(c)));
  });

  it('mute, unmute, ban, unban: host and moderators', async () => {
    const target = w.members.author;
    const unmute = async () => void (await call(t, routes.unmute, { ...id(), userId: target.userId }, w.members.host));
    const unban = async () => void (await call(t, routes.unban, { ...id(), userId: target.userId }, w.members.host));
    await expectRow(moderators(200), (c) => call(t, routes.mute, id(), as(c), { userId: target.userId, durationSeconds: 60 }), unmute);
    await expectRow(moderators(204), (c) => call(t, routes.unmute, { ...id(), userId: target.userId }, as(c)));
    await expectRow(moderators(200), (c) => call(t, routes.ban, id(), as(c), { userId: target.userId }), unban);
    await expectRow(moderators(204), (c) => call(t, routes.unban, { ...id(), userId: target.userId }, as(c)));
    expect((await call(t, routes.joinSession, id(), target)).status).toBe(200);
  });

  it('chat stats and settings changes: host and moderators; settings reads: participants', async () => {
    await expectRow(moderators(200), (c) => call(t, routes.chatStats, id(), as(c)));
    await expectRow(moderators(200), (c) => call(t, routes.updateChatSettings, id(), as(c), { followersOnly: false }));
    await expectRow(
      { host: 200, moderator: 200, guest: 200, viewer: 200, stranger: 'forbidden', banned: 'forbidden', anonymous: 'unauthorized' },
      (c) => call(t, routes.chatSettings, id(), as(c)),
    );
  });

  it('moderation log: the host only', async () => {
    await expectRow(
      { host: 200, moderator: 'not_host', guest: 'not_host', viewer: 'not_host', stranger: 'not_host', banned: 'not_host', anonymous: 'unauthorized' },
      (c) => call(t, routes.moderationLog, id(), as(c)),
    );
  });

  it('socket chat:send and chat:react: participants and signed-in sockets in the room', async () => {
    for (const caller of callers) {
      const member = as(caller);
      const socket = await t.socket(member?.token);
      // Anyone who may enter joins the room first (the banned are refused there too).
      const join = await socket.emitWithAck('session:join', { sessionId: w.sessionId });
      const send = await socket.emitWithAck('chat:send', { sessionId: w.sessionId, content: `socket hi from ${caller}`, clientMessageId: cid() });
      const react = await socket.emitWithAck('chat:react', { sessionId: w.sessionId, emoji: '❤️' });
      const expected = speakers(0)[caller];
      if (expected === 0) {
        expect(join.ok, caller).toBe(true);
        expect(send, caller).toMatchObject({ ok: true });
        expect(react, caller).toEqual({ ok: true });
      } else if (caller === 'stranger') {
        // A signed-in stranger who enters the room becomes a viewer and may then speak.
        expect(join.ok).toBe(true);
        expect(send).toMatchObject({ ok: true });
      } else {
        expect(send, caller).toMatchObject({ ok: false, error: { code: expected } });
        expect(react, caller).toMatchObject({ ok: false, error: { code: expected } });
      }
      socket.close();
    }
  });

  it('a socket that never joined the room may not post for a session it is not in', async () => {
    const outsider = await t.register();
    const socket = await t.socket(outsider.token);
    const send = await socket.emitWithAck('chat:send', { sessionId: w.sessionId, content: 'drive-by', clientMessageId: cid() });
    expect(send).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    socket.close();
  });

  it('a private session is 404 to strangers and anonymous callers for every chat route', async () => {
    const host = await t.register();
    const owner = { userId: host.user.id, token: host.token };
    const created = await call(t, routes.createSession, {}, owner, { title: 'Members only', type: 'video', isPublic: false });
    const sessionId = (created.body as { session: { id: string } }).session.id;
    expect((await call(t, routes.startSession, { id: sessionId }, owner)).status).toBe(200);
    const message = await postMessage(t, sessionId, owner, 'members only');
    for (const member of [w.members.stranger, undefined]) {
      const attempts = [
        call(t, routes.listMessages, { id: sessionId }, member),
        call(t, routes.sendMessage, { id: sessionId }, member, { content: 'hello?', clientMessageId: cid() }),
        call(t, routes.listPins, { id: sessionId }, member),
        call(t, routes.reactionCounts, { id: sessionId }, member),
        call(t, routes.react, { id: sessionId }, member, { emoji: '🎉' }),
        call(t, routes.pinMessage, { id: sessionId, messageId: message.id }, member),
        call(t, routes.deleteMessage, { id: sessionId, messageId: message.id }, member),
      ];
      for (const res of await Promise.all(attempts)) expect(res.body).toMatchObject({ error: { code: 'not_found' } });
    }
  });

  it('chat is closed before the session starts and after it ends', async () => {
    const host = await t.register();
    const member = { userId: host.user.id, token: host.token };
    const created = await call(t, routes.createSession, {}, member, { title: 'Later', type: 'audio', isPublic: true });
    const sessionId = (created.body as { session: { id: string } }).session.id;
    const early = await call(t, routes.sendMessage, { id: sessionId }, member, { content: 'too early', clientMessageId: cid() });
    expect(early.status).toBe(409);
    expect((await call(t, routes.startSession, { id: sessionId }, member)).status).toBe(200);
    await postMessage(t, sessionId, member, 'on air');
    expect((await call(t, routes.endSession, { id: sessionId }, member)).status).toBe(200);
    const late = await call(t, routes.sendMessage, { id: sessionId }, member, { content: 'too late', clientMessageId: cid() });
    expect(late.status).toBe(409);
  });
});
