import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientEvents } from '../../../protocol/events.js';
import { SessionReply } from '../../../protocol/sessions.js';
import { reserveTestDatabase, testDialects, type ReservedDatabase } from '../../support/databases.js';
import { createPublisher, createViewer } from '../media/support/peers.js';
import { postOffer } from '../media/support/whip-client.js';
import { lastMessageId, mergeMessages } from '../../../src-renderer/shared/realtime/chat-log.js';
import { nextEvent, REDIS_URL, startRelayNode, type NodeSocket, type RelayNode } from './support/nodes.js';

const JoinReply = clientEvents['session:join'].reply;
const SendReply = clientEvents['chat:send'].reply;

async function join(socket: NodeSocket, sessionId: string) {
  const ack = await socket.emitWithAck('session:join', { sessionId });
  if (!ack.ok) throw new Error(`join failed: ${ack.error.code}`);
  return JoinReply.parse(ack);
}

const clientMessageId = () => `cm_${randomBytes(6).toString('hex')}`;

describe.skipIf(!testDialects.includes('mysql'))('two relay nodes on one MySQL database and Redis', () => {
  let database: ReservedDatabase;
  let a: RelayNode;
  let b: RelayNode;
  let host: { token: string; user: { id: string } };
  let sessionId: string;

  beforeAll(async () => {
    database = await reserveTestDatabase('mysql');
    const shared = { DATABASE_URL: database.database.url, REDIS_URL, JWT_SECRET: randomBytes(32).toString('hex') };
    a = await startRelayNode(shared); // first alone: it creates and migrates the database
    b = await startRelayNode(shared);
    host = await a.register();
    const created = await a.api('POST', '/api/sessions', { token: host.token, body: { title: 'Two nodes', type: 'video', isPublic: true } });
    sessionId = SessionReply.parse(created.body).session.id;
    expect((await a.api('POST', `/api/sessions/${sessionId}/start`, { token: host.token })).status).toBe(200);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
  });

  it('accepts a token issued by node A on node B (one database, one secret)', async () => {
    const me = await b.api('GET', '/api/auth/me', { token: host.token });
    expect(me.status).toBe(200);
  });

  it('delivers chat sent on node A to a viewer connected to node B', async () => {
    const hostSocket = await a.socket(host.token);
    await join(hostSocket, sessionId);
    const viewer = await b.register();
    const viewerSocket = await b.socket(viewer.token);
    await join(viewerSocket, sessionId);
    const arrives = nextEvent(viewerSocket, 'chat:messages', (p) => p.messages.some((m) => m.content === 'hello from A'));
    const sent = await hostSocket.emitWithAck('chat:send', { sessionId, content: 'hello from A', clientMessageId: clientMessageId() });
    expect(sent.ok).toBe(true);
    const delivered = await arrives;
    expect(delivered.messages.map((m) => m.content)).toContain('hello from A');
  });

  it('gives a viewer joining on B the messages sent on A since B last looked (no stale per-node window)', async () => {
    const early = await b.socket();
    await join(early, sessionId); // B loads its view of the chat now
    const hostSocket = await a.socket(host.token);
    await join(hostSocket, sessionId);
    const content = `after B looked ${randomBytes(3).toString('hex')}`;
    const sent = await hostSocket.emitWithAck('chat:send', { sessionId, content, clientMessageId: clientMessageId() });
    expect(sent.ok).toBe(true);
    const late = await b.socket();
    const history = await join(late, sessionId);
    expect(history.messages.map((m) => m.content)).toContain(content);
  });

  it('numbers messages sent on both nodes in one seq order, so a client merging out-of-order batches resyncs without gaps', async () => {
    const onA = await a.socket(host.token);
    const onB = await b.socket(host.token);
    await Promise.all([join(onA, sessionId), join(onB, sessionId)]);
    const tag = randomBytes(3).toString('hex');
    const sent = [];
    for (let i = 0; i < 6; i++) {
      const socket = i % 2 === 0 ? onA : onB;
      const ack = await socket.emitWithAck('chat:send', { sessionId, content: `${tag} #${i}`, clientMessageId: clientMessageId() });
      sent.push(SendReply.parse(ack).message);
    }
    const seqs = sent.map((m) => m.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(new Set(seqs).size).toBe(seqs.length);
    // A client got node B's messages before node A's, then lost its link after seeing #0..#3.
    const seen = mergeMessages(mergeMessages([], sent.slice(0, 4).filter((_, i) => i % 2 === 1)), sent.slice(0, 4).filter((_, i) => i % 2 === 0));
    expect(seen.map((m) => m.content)).toEqual(sent.slice(0, 4).map((m) => m.content));
    const afterMessageId = lastMessageId(seen);
    expect(afterMessageId).toBe(sent[3]?.id);
    const ack = await (await b.socket(host.token)).emitWithAck('session:join', { sessionId, afterMessageId });
    if (!ack.ok) throw new Error(`join failed: ${ack.error.code}`);
    const resynced = mergeMessages(seen, JoinReply.parse(ack).messages);
    expect(resynced.filter((m) => m.content.startsWith(tag)).map((m) => m.id)).toEqual(sent.map((m) => m.id));
  });

  it('does not serve a message deleted on A to a viewer joining on B afterwards', async () => {
    const hostSocket = await a.socket(host.token);
    await join(hostSocket, sessionId);
    const content = `soon deleted ${randomBytes(3).toString('hex')}`;
    const sent = SendReply.parse(await hostSocket.emitWithAck('chat:send', { sessionId, content, clientMessageId: clientMessageId() }));
    const before = await join(await b.socket(), sessionId); // B has now seen the message
    expect(before.messages.map((m) => m.content)).toContain(content);
    expect((await a.api('DELETE', `/api/sessions/${sessionId}/messages/${sent.message.id}`, { token: host.token })).status).toBe(204);
    const after = await join(await b.socket(), sessionId);
    expect(after.messages.map((m) => m.content)).not.toContain(content);
  });

  it('keeps chat:send idempotent when a client retries on the other node', async () => {
    const viewer = await a.register();
    const onA = await a.socket(viewer.token);
    await join(onA, sessionId);
    const id = clientMessageId();
    const first = await onA.emitWithAck('chat:send', { sessionId, content: 'once only', clientMessageId: id });
    const onB = await b.socket(viewer.token);
    await join(onB, sessionId);
    const retry = await onB.emitWithAck('chat:send', { sessionId, content: 'once only', clientMessageId: id });
    expect(SendReply.parse(retry).message.id).toBe(SendReply.parse(first).message.id);
  });

  it('adds up viewers connected to both nodes', async () => {
    const created = await a.api('POST', '/api/sessions', { token: (await a.register()).token, body: { title: 'Count', type: 'video', isPublic: true } });
    const counted = SessionReply.parse(created.body).session;
    const owner = await a.api('GET', `/api/sessions/${counted.id}`);
    expect(owner.status).toBe(200);
    const hostOf = await a.socket();
    await join(hostOf, counted.id);
    const onA = await a.socket();
    await join(onA, counted.id);
    const arrives = nextEvent(hostOf, 'viewers:count', (p) => p.sessionId === counted.id && p.count === 4);
    for (const node of [b, b]) await join(await node.socket(), counted.id);
    expect((await arrives).count).toBe(4);
    const seenFromB = SessionReply.parse((await b.api('GET', `/api/sessions/${counted.id}`)).body).session;
    expect(seenFromB.viewerCount).toBe(4);
  });

  it('tells the host on node A how many viewers on node B play over HLS and WebRTC', async () => {
    const hostSocket = await a.socket(host.token);
    await join(hostSocket, sessionId);
    const onB = [await b.socket(), await b.socket()];
    for (const socket of onB) await join(socket, sessionId);
    const counted = nextEvent(hostSocket, 'viewers:paths', (p) => p.sessionId === sessionId && p.paths.hls === 1 && p.paths.webrtc === 1);
    expect((await onB[0]!.emitWithAck('viewer:transport', { sessionId, transport: 'hls' })).ok).toBe(true);
    expect((await onB[1]!.emitWithAck('viewer:transport', { sessionId, transport: 'webrtc' })).ok).toBe(true);
    expect((await counted).paths).toEqual({ webrtc: 1, hls: 1 });
    const asked = await hostSocket.emitWithAck('viewers:paths', { sessionId });
    expect(asked.ok && asked.paths).toEqual({ webrtc: 1, hls: 1 });
    for (const socket of onB) socket.close();
  });

  it('a ban issued on node A removes the user from the session on node B at once', async () => {
    const troublemaker = await b.register();
    const bystander = await b.socket();
    await join(bystander, sessionId);
    const socket = await b.socket(troublemaker.token);
    await join(socket, sessionId);
    const told = nextEvent(socket, 'moderation:banned', (p) => p.userId === troublemaker.user.id);
    const ban = await a.api('POST', `/api/sessions/${sessionId}/bans`, { token: host.token, body: { userId: troublemaker.user.id } });
    expect(ban.status).toBe(200);
    await told;
    const refused = await socket.emitWithAck('chat:send', { sessionId, content: 'still here?', clientMessageId: clientMessageId() });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('banned');
    // Out of the room on B: a later message reaches the bystander on B but not the banned socket.
    let leaked = false;
    socket.on('chat:messages', (p) => {
      if (p.messages.some((m) => m.content === 'after the ban')) leaked = true;
    });
    const reaches = nextEvent(bystander, 'chat:messages', (p) => p.messages.some((m) => m.content === 'after the ban'));
    const hostSocket = await a.socket(host.token);
    await join(hostSocket, sessionId);
    await hostSocket.emitWithAck('chat:send', { sessionId, content: 'after the ban', clientMessageId: clientMessageId() });
    await reaches;
    await socket.emitWithAck('session:leave', { sessionId }); // a round trip on B after the broadcast
    expect(leaked).toBe(false);
  });

  it('plays a program published on node A to a WHEP viewer who asked node B (307 to A)', async () => {
    const publisher = await createPublisher();
    const viewer = await createViewer();
    try {
      const published = await postOffer(`${a.url}/api/whip/${sessionId}`, publisher.offer, { token: host.token });
      expect(published.status).toBe(201);
      await publisher.accept(published.body);
      const played = await postOffer(`${b.url}/api/whep/${sessionId}`, viewer.offer);
      expect(played.status).toBe(201);
      expect(played.finalUrl).toBe(`${a.url}/api/whep/${sessionId}`);
      await viewer.accept(played.body);
      expect(await viewer.firstFrame).toEqual({ width: 320, height: 180 });
    } finally {
      viewer.close();
      publisher.close();
    }
  });

  it('signs a user out on every node: a token logged out on A is refused by B', async () => {
    const user = await a.register();
    expect((await a.api('POST', '/api/auth/logout', { token: user.token })).status).toBe(204);
    expect((await a.api('GET', '/api/auth/me', { token: user.token })).status).toBe(401);
    expect((await b.api('GET', '/api/auth/me', { token: user.token })).status).toBe(401);
  });
});
