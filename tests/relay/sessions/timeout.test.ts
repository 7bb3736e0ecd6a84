import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionReply } from '../../../protocol/sessions.js';
import { createHostAbsenceSweeper } from '../../../relay-server/src/sessions/timeout.js';
import { testDialects } from '../../support/databases.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';
import { account, closeSocket, joinRoom, liveSession, nextEvent, parse } from './helpers.js';

// The longest timeout allowed: the relay's own sweeper then looks only every 30 s and stays out of the way.
const TIMEOUT_MS = 7 * 24 * 3600_000;

describe.each(testDialects)('host absence timeout, driven by the clock [%s]', (dialect) => {
  let t: TestRelay;
  let now = Date.now();
  beforeAll(async () => {
    t = await startTestRelay({ dialect, env: { LIVE_SESSION_TIMEOUT: String(TIMEOUT_MS) }, deps: { clock: () => new Date(now) } });
  });
  afterAll(() => t.close());

  const sweeper = () => createHostAbsenceSweeper(t.relay.ctx, t.relay.ctx.services.get('sessions'));
  const stateOf = async (id: string, token: string) =>
    parse(SessionReply, await t.api('GET', `/api/sessions/${id}`, { token }), 200).session.state;

  it('ends a live session whose host has been gone for LIVE_SESSION_TIMEOUT, not one whose host is there', async () => {
    const gone = await account(t);
    const present = await account(t);
    const abandoned = await liveSession(t, gone);
    const attended = await liveSession(t, present);
    const hostSocket = await t.socket(present.token);
    await joinRoom(hostSocket, attended.id);
    const sweep = sweeper();

    await sweep.sweep();
    now += TIMEOUT_MS - 1;
    await sweep.sweep();
    expect(await stateOf(abandoned.id, gone.token)).toBe('live');
    now += 1;
    await sweep.sweep();
    expect(await stateOf(abandoned.id, gone.token)).toBe('ended');
    expect(await stateOf(attended.id, present.token)).toBe('live');

    // Once the host's last socket goes, the countdown starts for them too.
    await closeSocket(t, hostSocket);
    await sweep.sweep();
    now += TIMEOUT_MS;
    await sweep.sweep();
    expect(await stateOf(attended.id, present.token)).toBe('ended');
  });

  it('restarts the countdown when the host comes back in time', async () => {
    const host = await account(t);
    const session = await liveSession(t, host);
    const sweep = sweeper();
    await sweep.sweep();
    now += TIMEOUT_MS - 1000;
    const back = await t.socket(host.token);
    await joinRoom(back, session.id);
    await sweep.sweep();
    await closeSocket(t, back);
    now += 2000;
    await sweep.sweep();
    expect(await stateOf(session.id, host.token)).toBe('live');
  });
});

describe.each(testDialects)('host absence timeout, with the relay’s own sweeper [%s]', (dialect) => {
  let t: TestRelay;
  beforeAll(async () => {
    t = await startTestRelay({ dialect, env: { LIVE_SESSION_TIMEOUT: '1000' } });
  });
  afterAll(() => t.close());

  it('tells the room the session ended once the host stayed away', async () => {
    const host = await account(t);
    const session = await liveSession(t, host);
    const viewer = await t.socket();
    const ended = nextEvent(viewer, 'session:state', (e) => e.state === 'ended');
    await joinRoom(viewer, session.id);
    expect((await ended).sessionId).toBe(session.id);
  });
});
