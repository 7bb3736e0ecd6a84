/**
 * The studio's people drawer and "ban and remove their messages", over real HTTP and sockets against
 * SQLite and MariaDB: who is muted (until when) and banned (why), undo by unmute/unban, and a ban that
 * takes the person's messages out of history, joins and every member's screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BanReply, ModerationPeopleReply } from '../../../protocol/chat.js';
import { routes } from '../../../protocol/routes.js';
import { testDialects } from '../../support/databases.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';
import { buildWorld, call, fullHistory, ids, joinedSocket, postMessage, type Member, type World } from '../chat/world.js';

describe.each(testDialects)('people drawer and ban with message removal [%s]', (dialect) => {
  let t: TestRelay;
  let w: World;
  beforeAll(async () => {
    t = await startTestRelay({ dialect, env: { CHAT_RATE_BURST: '1000', CHAT_RATE_PER_SECOND: '1000' } });
    w = await buildWorld(t);
  });
  afterAll(async () => t?.close());

  async function newViewer(name: string): Promise<Member> {
    const { user, token } = await t.register(`${name}_${Math.random().toString(36).slice(2, 8)}`);
    const member = { userId: user.id, token };
    expect((await call(t, routes.joinSession, { id: w.sessionId }, member)).status).toBe(200);
    return member;
  }
  const people = async (member: Member) => ModerationPeopleReply.parse((await call(t, routes.moderationPeople, { id: w.sessionId }, member)).body);

  it('lists mutes with their end and bans with their reason and names; undo takes them off the list', async () => {
    const [noisy, rude] = [await newViewer('noisy'), await newViewer('rude')];
    expect((await call(t, routes.mute, { id: w.sessionId }, w.members.host, { userId: noisy.userId, durationSeconds: 300 })).status).toBe(200);
    expect((await call(t, routes.ban, { id: w.sessionId }, w.members.moderator, { userId: rude.userId, reason: 'insults' })).status).toBe(200);

    const listed = await people(w.members.moderator);
    const mute = listed.mutes.find((m) => m.userId === noisy.userId);
    expect(mute?.displayName).toMatch(/^noisy_/);
    expect(Date.parse(mute?.until ?? '') - Date.now()).toBeGreaterThan(200_000);
    expect(listed.bans.find((b) => b.userId === rude.userId)).toMatchObject({ reason: 'insults', by: w.members.moderator.userId });

    expect((await call(t, routes.unmute, { id: w.sessionId, userId: noisy.userId }, w.members.host)).status).toBe(204);
    expect((await call(t, routes.unban, { id: w.sessionId, userId: rude.userId }, w.members.host)).status).toBe(204);
    const after = await people(w.members.host);
    expect(after.mutes.map((m) => m.userId)).not.toContain(noisy.userId);
    expect(after.bans.map((b) => b.userId)).not.toContain(rude.userId);
  });

  it('is for the host and moderators only', async () => {
    for (const member of [w.members.viewer, w.members.guest, w.members.stranger]) {
      expect((await call(t, routes.moderationPeople, { id: w.sessionId }, member)).status).toBe(403);
    }
    expect((await call(t, routes.moderationPeople, { id: w.sessionId })).status).toBe(401);
  });

  it('a ban with removeMessages deletes all of their messages for everyone, and only theirs', async () => {
    const spammer = await newViewer('spammer');
    const watcher = await joinedSocket(t, w.sessionId, w.members.viewer);
    const spam = [await postMessage(t, w.sessionId, spammer, 'buy now'), await postMessage(t, w.sessionId, spammer, 'cheap pills')];
    const kept = await postMessage(t, w.sessionId, w.members.viewer, 'hello everyone');

    const res = await call(t, routes.ban, { id: w.sessionId }, w.members.host, { userId: spammer.userId, reason: 'spam', removeMessages: true });
    expect(res.status).toBe(200);
    expect(BanReply.parse(res.body).removedMessages).toBe(2);
    for (const m of spam) await watcher.log.waitFor('chat:deleted', (p) => p.messageId === m.id);
    const history = ids(await fullHistory(t, w.sessionId));
    expect(history).toContain(kept.id);
    for (const m of spam) expect(history).not.toContain(m.id);
    const joined = await joinedSocket(t, w.sessionId);
    for (const m of spam) expect(ids(joined.ack.messages)).not.toContain(m.id);
    joined.socket.close();
    watcher.socket.close();
  });

  it('a plain ban keeps the messages; a bad removeMessages value is refused and bans nobody', async () => {
    const talker = await newViewer('talker');
    const said = await postMessage(t, w.sessionId, talker, 'still here');
    const bad = await call(t, routes.ban, { id: w.sessionId }, w.members.host, { userId: talker.userId, removeMessages: 'yes' });
    expect(bad.status).toBe(400);
    expect((await people(w.members.host)).bans.map((b) => b.userId)).not.toContain(talker.userId);
    expect((await call(t, routes.ban, { id: w.sessionId }, w.members.host, { userId: talker.userId })).status).toBe(200);
    expect(ids(await fullHistory(t, w.sessionId))).toContain(said.id);
  });
});

describe.each(testDialects)('chat settings reach viewers [%s]', (dialect) => {
  let t: TestRelay;
  let w: World;
  beforeAll(async () => {
    t = await startTestRelay({ dialect });
    w = await buildWorld(t);
  });
  afterAll(async () => t?.close());

  it('turning slow mode on tells every member at once', async () => {
    const viewer = await joinedSocket(t, w.sessionId, w.members.viewer);
    expect((await call(t, routes.updateChatSettings, { id: w.sessionId }, w.members.host, { slowModeSeconds: 30 })).status).toBe(200);
    await viewer.log.waitFor('chat:settings', (p) => p.settings.slowModeSeconds === 30);
    viewer.socket.close();
  });
});
