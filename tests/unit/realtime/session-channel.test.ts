import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../../protocol/routes.js';
import { createApiClient } from '../../../src-renderer/shared/api/client.js';
import { createRelayConnection, createSessionChannel, type RelayConnection, type SessionChannel, type SessionChannelState } from '../../../src-renderer/shared/realtime/index.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';

/**
 * The client's SessionChannel against a real relay (SQLite) over real Socket.io: what a viewer sees
 * after its socket is cut and comes back, and what it typed meanwhile.
 */
describe('SessionChannel with a real relay', () => {
  let t: TestRelay;
  let sessionId: string;
  let hostToken: string;
  let viewer: { id: string; token: string };
  let connection: RelayConnection;
  let channel: SessionChannel;

  const hostApi = () => createApiClient(t.url, () => hostToken);
  const say = (content: string) => hostApi().call(routes.sendMessage, { params: { id: sessionId }, body: { content } });
  const until = (predicate: (s: SessionChannelState) => boolean) =>
    new Promise<SessionChannelState>((resolve) => {
      if (predicate(channel.getState())) return resolve(channel.getState());
      const off = channel.on('change', (s) => {
        if (!predicate(s)) return;
        off();
        resolve(s);
      });
    });
  const contents = (s: SessionChannelState) => s.messages.map((m) => m.content);

  beforeAll(async () => {
    t = await startTestRelay({ dialect: 'sqlite', env: { CHAT_RATE_BURST: '100' } });
    const host = await t.register();
    hostToken = host.token;
    const { session } = await hostApi().call(routes.createSession, { body: { title: 'channel test', type: 'video', isPublic: true } });
    sessionId = session.id;
    await hostApi().call(routes.startSession, { params: { id: sessionId } });
    const guest = await t.guest('Vera');
    viewer = { id: guest.user.id, token: guest.token };
    await createApiClient(t.url, () => viewer.token).call(routes.joinSession, { params: { id: sessionId } });
    connection = createRelayConnection({ url: t.url, getToken: () => viewer.token });
    channel = createSessionChannel({ connection, sessionId, getSelfId: () => viewer.id, retryDelayMs: 200 });
    await until((s) => s.status === 'joined');
  });

  afterAll(async () => {
    await channel?.stop();
    connection?.close();
    await t?.close();
  });

  it('receives live messages once each', async () => {
    await say('first');
    const state = await until((s) => contents(s).includes('first'));
    expect(contents(state)).toEqual(['first']);
  });

  it('after a cut, re-joins from the last message seen and merges exactly what was missed', async () => {
    const joins: SessionChannelState[] = [];
    const off = channel.on('joined', (s) => joins.push(s));
    // The relay drops the viewer's socket (as a network cut would); the client reconnects on its own.
    await t.relay.ctx.notifier.disconnectUser(viewer.id);
    await until((s) => s.status !== 'joined');
    await say('missed 1');
    await say('missed 2');
    // Typed while away: waits in the outbox.
    const clientMessageId = channel.send('typed while away');
    expect(clientMessageId).not.toBeNull();
    expect(channel.getState().pending.map((p) => p.content)).toEqual(['typed while away']);

    const state = await until((s) => s.status === 'joined' && contents(s).includes('typed while away') && s.pending.length === 0);
    off();
    expect(joins.length).toBeGreaterThanOrEqual(1);
    expect(contents(state)).toEqual(['first', 'missed 1', 'missed 2', 'typed while away']);

    // Stored exactly once on the relay, under the outbox's clientMessageId.
    const { messages } = await hostApi().call(routes.listMessages, { params: { id: sessionId }, query: { limit: 100 } });
    const mine = messages.filter((m) => m.content === 'typed while away');
    expect(mine.map((m) => m.clientMessageId)).toEqual([clientMessageId]);
  });

  it('drops a deleted message and follows pins', async () => {
    const { message } = await say('to be pinned then deleted');
    await until((s) => contents(s).includes(message.content));
    await hostApi().call(routes.pinMessage, { params: { id: sessionId, messageId: message.id } });
    expect((await until((s) => s.pins.some((p) => p.id === message.id))).messages.find((m) => m.id === message.id)?.pinned).toBe(true);
    await hostApi().call(routes.deleteMessage, { params: { id: sessionId, messageId: message.id } });
    const state = await until((s) => !contents(s).includes(message.content));
    expect(state.pins.some((p) => p.id === message.id)).toBe(false);
  });

  it('refuses an empty message locally', () => {
    expect(channel.send('   ')).toBeNull();
  });
});
