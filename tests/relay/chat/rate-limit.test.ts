/** Per-user token-bucket rate limit on messages and reactions; the host and moderators are exempt. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../../protocol/routes.js';
import { testDialects } from '../../support/databases.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';
import { buildWorld, call, cid, joinedSocket, postMessage, type World } from './world.js';

describe.each(testDialects)('chat rate limit [%s]', (dialect) => {
  let t: TestRelay;
  let w: World;

  beforeAll(async () => {
    // Three at once, then one per 100 s: the fourth message in a row is refused.
    t = await startTestRelay({ dialect, env: { CHAT_RATE_BURST: '3', CHAT_RATE_PER_SECOND: '0.01' } });
    w = await buildWorld(t);
  });
  afterAll(async () => t?.close());

  it('refuses the message past the burst with 429 rate_limited and Retry-After, over HTTP and the socket', async () => {
    const sent = [];
    for (let i = 0; i < 3; i++) sent.push(await postMessage(t, w.sessionId, w.members.viewer, `quick ${i}`));
    const refused = await call(t, routes.sendMessage, { id: w.sessionId }, w.members.viewer, { content: 'one too many', clientMessageId: cid() });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ error: { code: 'rate_limited' } });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

    const { socket } = await joinedSocket(t, w.sessionId, w.members.viewer);
    const ack = await socket.emitWithAck('chat:send', { sessionId: w.sessionId, content: 'socket too', clientMessageId: cid() });
    expect(ack).toMatchObject({ ok: false, error: { code: 'rate_limited' } });

    // A retry of a message already stored is answered, not limited: retries never lose an ack.
    const replay = await socket.emitWithAck('chat:send', { sessionId: w.sessionId, content: 'quick 0', clientMessageId: sent[0]!.clientMessageId! });
    expect(replay).toEqual({ ok: true, message: sent[0] });
    socket.close();
  });

  it('limits reactions per user too', async () => {
    const { socket } = await joinedSocket(t, w.sessionId, w.members.guest);
    const acks = [];
    for (let i = 0; i < 20; i++) acks.push(await socket.emitWithAck('chat:react', { sessionId: w.sessionId, emoji: '👍' }));
    expect(acks.filter((a) => a.ok)).toHaveLength(15);
    expect(acks.at(-1)).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    socket.close();
  });

  it('does not limit the host or moderators', async () => {
    for (let i = 0; i < 8; i++) await postMessage(t, w.sessionId, w.members.host, `host ${i}`);
    for (let i = 0; i < 8; i++) await postMessage(t, w.sessionId, w.members.moderator, `mod ${i}`);
  });
});
