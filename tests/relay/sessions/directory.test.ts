import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionReply, SessionsReply, type Session } from '../../../protocol/sessions.js';
import { DIRECTORY_HOST_GRACE_MS } from '../../../relay-server/src/sessions/service.js';
import { testDialects } from '../../support/databases.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';
import { account, closeSocket, joinRoom, liveSession, parse } from './helpers.js';

// The longest host-absence timeout: the relay's own sweeper looks only every 30 s and ends nothing here.
const TIMEOUT_MS = 7 * 24 * 3600_000;

describe.each(testDialects)('the public directory and absent hosts [%s]', (dialect) => {
  let t: TestRelay;
  let now = Date.now();
  beforeAll(async () => {
    t = await startTestRelay({ dialect, env: { LIVE_SESSION_TIMEOUT: String(TIMEOUT_MS) }, deps: { clock: () => new Date(now) } });
  });
  afterAll(() => t.close());

  /** The directory as an anonymous visitor sees it, restricted to `ids` (other tests add sessions too). */
  async function directory(...ids: string[]): Promise<Session[]> {
    const { sessions } = parse(SessionsReply, await t.api('GET', '/api/sessions?scope=public'), 200);
    return sessions.filter((s) => ids.includes(s.id));
  }
  const summary = (sessions: Session[]) => sessions.map((s) => ({ id: s.id, hostConnected: s.hostConnected }));

  it('lists sessions whose host is connected first, and drops those whose host has been gone over a minute', async () => {
    const [hostA, hostB] = [await account(t), await account(t)];
    const attended = await liveSession(t, hostA, { title: 'Host here' });
    const abandoned = await liveSession(t, hostB, { title: 'Host gone' });
    // The abandoned show has more viewers: without the host rule it would come first.
    for (let i = 0; i < 2; i++) await joinRoom(await t.socket(), abandoned.id);
    const hostSocket = await t.socket(hostA.token);
    await joinRoom(hostSocket, attended.id);

    expect(summary(await directory(attended.id, abandoned.id))).toEqual([
      { id: attended.id, hostConnected: true },
      { id: abandoned.id, hostConnected: false },
    ]);

    now += DIRECTORY_HOST_GRACE_MS;
    expect(summary(await directory(attended.id, abandoned.id))).toEqual([
      { id: attended.id, hostConnected: true },
      { id: abandoned.id, hostConnected: false },
    ]);

    now += 1;
    expect(summary(await directory(attended.id, abandoned.id))).toEqual([{ id: attended.id, hostConnected: true }]);
    // Still reachable by link, and it says its host is away.
    const direct = parse(SessionReply, await t.api('GET', `/api/sessions/${abandoned.id}`), 200).session;
    expect(direct).toMatchObject({ state: 'live', hostConnected: false });
  });

  it('lists a session again as soon as its host comes back, and starts the minute when the host leaves', async () => {
    const host = await account(t);
    const session = await liveSession(t, host);
    await directory(session.id);
    now += DIRECTORY_HOST_GRACE_MS + 1;
    expect(await directory(session.id)).toEqual([]);

    const back = await t.socket(host.token);
    await joinRoom(back, session.id);
    expect(summary(await directory(session.id))).toEqual([{ id: session.id, hostConnected: true }]);

    await closeSocket(t, back);
    expect(summary(await directory(session.id))).toEqual([{ id: session.id, hostConnected: false }]);
    now += DIRECTORY_HOST_GRACE_MS + 1;
    expect(await directory(session.id)).toEqual([]);
  });
});
