/**
 * Moderation as members see it, over real sockets against SQLite and MariaDB: every action reaches
 * every member at once, bans kick and stick, timed mutes lift themselves, and the host can read who
 * did what in the moderation log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../../protocol/routes.js';
import { rooms } from '../../../protocol/rooms.js';
import { ChatSettingsReply, MessageReply, ModerationLogReply, MuteReply } from '../../../protocol/chat.js';
import { testDialects } from '../../support/databases.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';
import { buildWorld, call, cid, fullHistory, ids, joinedSocket, postMessage, type EventLog, type World } from '../chat/world.js';

describe.each(testDialects)('moderation actions [%s]', (dialect) => {
  let t: TestRelay;
  let w: World;
  /** Host, moderator, guest, viewer and an anonymous watcher, each with a socket in the room. */
  let audience: EventLog[];

  beforeAll(async () => {
    t = await startTestRelay({ dialect, env: { CHAT_RATE_BURST: '1000', CHAT_RATE_PER_SECOND: '1000' } });
    w = await buildWorld(t);
    const m = w.members;
    audience = (await Promise.all([m.host, m.moderator, m.guest, m.viewer, undefined].map((member) => joinedSocket(t, w.sessionId, member)))).map(
      (j) => j.log,
    );
  });
  afterAll(async () => t?.close());

  it('pin and unpin reach every member and show in pins and join', async () => {
    const message = await postMessage(t, w.sessionId, w.members.author, 'pin me');
    const pinned = await call(t, routes.pinMessage, { id: w.sessionId, messageId: message.id }, w.members.moderator);
    expect(pinned.status).toBe(200);
    expect(MessageReply.parse(pinned.body).message).toMatchObject({ id: message.id, pinned: true });
    for (const log of audience) await log.waitFor('chat:pinned', (p) => p.message.id === message.id && p.message.pinned);
    const joined = await joinedSocket(t, w.sessionId);
    expect(ids(joined.ack.pins)).toEqual([message.id]);
    joined.socket.close();

    const unpinned = await call(t, routes.unpinMessage, { id: w.sessionId, messageId: message.id }, w.members.host);
    expect(unpinned.status).toBe(200);
    for (const log of audience) await log.waitFor('chat:unpinned', (p) => p.message.id === message.id && !p.message.pinned);
    const pins = await call(t, routes.listPins, { id: w.sessionId });
    expect(pins.body).toEqual({ messages: [] });
  });

  it('a deleted message reaches every member as chat:deleted and leaves history and joins', async () => {
    const message = await postMessage(t, w.sessionId, w.members.author, 'delete me');
    for (const log of audience) await log.waitFor('chat:messages', (p) => p.messages.some((m) => m.id === message.id));
    const res = await call(t, routes.deleteMessage, { id: w.sessionId, messageId: message.id }, w.members.moderator);
    expect(res.status).toBe(204);
    for (const log of audience) await log.waitFor('chat:deleted', (p) => p.messageId === message.id);
    expect(ids(await fullHistory(t, w.sessionId))).not.toContain(message.id);
    const joined = await joinedSocket(t, w.sessionId);
    expect(ids(joined.ack.messages)).not.toContain(message.id);
    joined.socket.close();
    const again = await call(t, routes.deleteMessage, { id: w.sessionId, messageId: message.id }, w.members.moderator);
    expect(again.status).toBe(404);
  });

  it('the author may delete their own message', async () => {
    const message = await postMessage(t, w.sessionId, w.members.author, 'my own mistake');
    const res = await call(t, routes.deleteMessage, { id: w.sessionId, messageId: message.id }, w.members.author);
    expect(res.status).toBe(204);
    for (const log of audience) await log.waitFor('chat:deleted', (p) => p.messageId === message.id);
  });

  it('mute and unmute reach every member; a muted user cannot post or react, then can again', async () => {
    const target = w.members.author;
    const muted = await call(t, routes.mute, { id: w.sessionId }, w.members.moderator, { userId: target.userId });
    expect(muted.status).toBe(200);
    expect(MuteReply.parse(muted.body).mute).toEqual({ sessionId: w.sessionId, userId: target.userId, until: null });
    for (const log of audience) await log.waitFor('moderation:muted', (p) => p.userId === target.userId);

    const refused = await call(t, routes.sendMessage, { id: w.sessionId }, target, { content: 'let me speak', clientMessageId: cid() });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'muted' } });
    const { socket } = await joinedSocket(t, w.sessionId, target);
    const ack = await socket.emitWithAck('chat:send', { sessionId: w.sessionId, content: 'socket too?', clientMessageId: cid() });
    expect(ack).toMatchObject({ ok: false, error: { code: 'muted' } });
    expect(await socket.emitWithAck('chat:react', { sessionId: w.sessionId, emoji: '🔥' })).toMatchObject({ ok: false, error: { code: 'muted' } });

    const lifted = await call(t, routes.unmute, { id: w.sessionId, userId: target.userId }, w.members.host);
    expect(lifted.status).toBe(204);
    for (const log of audience) await log.waitFor('moderation:unmuted', (p) => p.userId === target.userId);
    expect(await socket.emitWithAck('chat:send', { sessionId: w.sessionId, content: 'back', clientMessageId: cid() })).toMatchObject({ ok: true });
    socket.close();
  });

  it('a timed mute lifts itself and says so to every member', async () => {
    const target = w.members.guest;
    const muted = await call(t, routes.mute, { id: w.sessionId }, w.members.host, { userId: target.userId, durationSeconds: 1 });
    expect(muted.status).toBe(200);
    const until = MuteReply.parse(muted.body).mute.until;
    expect(until).not.toBeNull();
    for (const log of audience) await log.waitFor('moderation:muted', (p) => p.userId === target.userId && p.until === until);
    for (const log of audience) await log.waitFor('moderation:unmuted', (p) => p.userId === target.userId);
    await postMessage(t, w.sessionId, target, 'free again');
  });

  it('a ban kicks the user from the room at once, refuses every way back, and unban lets them in again', async () => {
    const target = await t.register();
    const member = { userId: target.user.id, token: target.token };
    expect((await call(t, routes.joinSession, { id: w.sessionId }, member)).status).toBe(200);
    const victim = await joinedSocket(t, w.sessionId, member);
    const banned = await call(t, routes.ban, { id: w.sessionId }, w.members.moderator, { userId: member.userId, reason: 'spam' });
    expect(banned.status).toBe(200);
    expect(banned.body).toMatchObject({ ban: { sessionId: w.sessionId, userId: member.userId, reason: 'spam' } });
    for (const log of [...audience, victim.log]) await log.waitFor('moderation:banned', (p) => p.userId === member.userId);

    const inRoom = await t.relay.io.in(rooms.session(w.sessionId)).fetchSockets();
    expect(inRoom.map((s) => s.data.actor?.userId)).not.toContain(member.userId);
    const rejoin = await victim.socket.emitWithAck('session:join', { sessionId: w.sessionId });
    expect(rejoin).toMatchObject({ ok: false, error: { code: 'banned' } });
    const httpJoin = await call(t, routes.joinSession, { id: w.sessionId }, member);
    expect(httpJoin.body).toMatchObject({ error: { code: 'banned' } });
    const send = await victim.socket.emitWithAck('chat:send', { sessionId: w.sessionId, content: 'let me back', clientMessageId: cid() });
    expect(send).toMatchObject({ ok: false, error: { code: 'banned' } });

    expect((await call(t, routes.unban, { id: w.sessionId, userId: member.userId }, w.members.host)).status).toBe(204);
    const back = await victim.socket.emitWithAck('session:join', { sessionId: w.sessionId });
    expect(back.ok).toBe(true);
    expect(await victim.socket.emitWithAck('chat:send', { sessionId: w.sessionId, content: 'thanks', clientMessageId: cid() })).toMatchObject({ ok: true });
    victim.socket.close();
  });

  it('nobody mutes or bans the host, and only the host mutes or bans a moderator', async () => {
    const hostTarget = await call(t, routes.ban, { id: w.sessionId }, w.members.moderator, { userId: w.members.host.userId });
    expect(hostTarget.status).toBe(403);
    const modTarget = await call(t, routes.mute, { id: w.sessionId }, w.members.moderator, { userId: w.members.moderator.userId });
    expect(modTarget.status).toBe(403);
    const unknown = await call(t, routes.mute, { id: w.sessionId }, w.members.host, { userId: 'no-such-user' });
    expect(unknown.status).toBe(404);
  });

  it('slow mode refuses a second message inside the wait with 429 and Retry-After; moderators are exempt', async () => {
    const set = await call(t, routes.updateChatSettings, { id: w.sessionId }, w.members.moderator, { slowModeSeconds: 120 });
    expect(ChatSettingsReply.parse(set.body).settings.slowModeSeconds).toBe(120);
    await postMessage(t, w.sessionId, w.members.viewer, 'first, slowly');
    const second = await call(t, routes.sendMessage, { id: w.sessionId }, w.members.viewer, { content: 'second', clientMessageId: cid() });
    expect(second.status).toBe(429);
    expect(second.body).toMatchObject({ error: { code: 'rate_limited' } });
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(100);
    await postMessage(t, w.sessionId, w.members.moderator, 'mods talk freely 1');
    await postMessage(t, w.sessionId, w.members.moderator, 'mods talk freely 2');
    await call(t, routes.updateChatSettings, { id: w.sessionId }, w.members.host, { slowModeSeconds: 0 });
    await postMessage(t, w.sessionId, w.members.viewer, 'slow mode is off');
  });

  it('blocked terms refuse whole words in any case with 403 blocked_term and store nothing', async () => {
    const set = await call(t, routes.updateChatSettings, { id: w.sessionId }, w.members.host, { blockedTerms: ['Spoiler', 'bad word'] });
    expect(ChatSettingsReply.parse(set.body).settings.blockedTerms).toEqual(['Spoiler', 'bad word']);
    const before = ids(await fullHistory(t, w.sessionId));
    for (const content of ['huge SPOILER ahead', 'spoiler!', 'what a Bad Word']) {
      const res = await call(t, routes.sendMessage, { id: w.sessionId }, w.members.viewer, { content, clientMessageId: cid() });
      expect(res.status, content).toBe(403);
      expect(res.body).toMatchObject({ error: { code: 'blocked_term' } });
    }
    expect(ids(await fullHistory(t, w.sessionId))).toEqual(before);
    await postMessage(t, w.sessionId, w.members.viewer, 'spoilers are words too, unspoilered');
    const read = await call(t, routes.chatSettings, { id: w.sessionId }, w.members.viewer);
    expect(ChatSettingsReply.parse(read.body).settings).toEqual({ slowModeSeconds: 0, blockedTerms: ['Spoiler', 'bad word'], followersOnly: false, followersOnlyMinutes: 0 });
    await call(t, routes.updateChatSettings, { id: w.sessionId }, w.members.host, { blockedTerms: [] });
  });

  it('records every action in the moderation log with who, what and when, readable by the host', async () => {
    const res = await call(t, routes.moderationLog, { id: w.sessionId }, w.members.host);
    expect(res.status).toBe(200);
    const entries = ModerationLogReply.parse(res.body).entries;
    const actions = new Set(entries.map((e) => e.action));
    for (const action of ['pin', 'unpin', 'delete', 'mute', 'unmute', 'ban', 'unban', 'settings'] as const) expect(actions).toContain(action);
    const ban = entries.find((e) => e.action === 'ban' && e.detail === 'spam');
    expect(ban).toMatchObject({ actorId: w.members.moderator.userId, sessionId: w.sessionId });
    expect(Number.isNaN(Date.parse(ban!.createdAt))).toBe(false);
    const expired = entries.find((e) => e.action === 'unmute' && e.targetUserId === w.members.guest.userId);
    expect(expired?.detail).toBe('expired');
  });

  it('chat stats count messages, chatters, reactions, mutes and bans', async () => {
    const { socket } = await joinedSocket(t, w.sessionId, w.members.viewer);
    expect(await socket.emitWithAck('chat:react', { sessionId: w.sessionId, emoji: '👏' })).toEqual({ ok: true });
    await call(t, routes.mute, { id: w.sessionId }, w.members.host, { userId: w.members.author.userId, durationSeconds: 600 });
    const res = await call(t, routes.chatStats, { id: w.sessionId }, w.members.moderator);
    expect(res.status).toBe(200);
    const history = await fullHistory(t, w.sessionId);
    expect(res.body).toMatchObject({ reactionCount: 1, mutedCount: 1, bannedCount: 1 });
    const stats = res.body as { messageCount: number; activeChatters: number; messagesPerMinute: number };
    expect(stats.messageCount).toBeGreaterThanOrEqual(history.length);
    expect(stats.activeChatters).toBeGreaterThanOrEqual(4);
    expect(stats.messagesPerMinute).toBeGreaterThan(0);
    const counts = await call(t, routes.reactionCounts, { id: w.sessionId });
    expect(counts.body).toEqual({ counts: { '👏': 1 } });
    socket.close();
  });
});
