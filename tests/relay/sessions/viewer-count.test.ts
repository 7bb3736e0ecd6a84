import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { viewerCountWindowMs } from '../../../relay-server/src/sessions/presenter.js';
import { testDialects } from '../../support/databases.js';
import { startTestRelay, type TestRelay } from '../../support/relay.js';
import { account, closeSocket, join, joinRoom, liveSession, nextEvent } from './helpers.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('how often a room hears its viewer count', () => {
  it('once a second in small rooms, one more second per 500 viewers in big ones, never slower than every 5 s', () => {
    expect(viewerCountWindowMs(0)).toBe(1000);
    expect(viewerCountWindowMs(499)).toBe(1000);
    expect(viewerCountWindowMs(500)).toBe(2000);
    expect(viewerCountWindowMs(2000)).toBe(5000);
    expect(viewerCountWindowMs(1_000_000)).toBe(5000);
  });
});

describe.each(testDialects)('viewers:count [%s]', (dialect) => {
  let t: TestRelay;
  beforeAll(async () => {
    t = await startTestRelay({ dialect });
  });
  afterAll(() => t.close());

  it('is not sent again when a viewer left and another came in the same window: the number on screen did not change', async () => {
    const host = await account(t);
    const session = await liveSession(t, host);
    const hostSocket = await t.socket(host.token);
    await joinRoom(hostSocket, session.id);
    const enter = async () => {
      const viewer = await account(t);
      await join(t, session.id, viewer);
      const socket = await t.socket(viewer.token);
      await joinRoom(socket, session.id);
      return socket;
    };
    const twoWatching = nextEvent(hostSocket, 'viewers:count', (p) => p.count === 2);
    const [leaving] = [await enter(), await enter()];
    await twoWatching;

    const heard: number[] = [];
    hostSocket.on('viewers:count', (p) => heard.push(p.count));
    await closeSocket(t, leaving!);
    await enter();
    // Past the window (1 s here) with room to spare: the count is 2 again, so the room hears nothing.
    await sleep(2500);
    expect(heard).toEqual([]);

    // A real change is still told.
    const threeWatching = nextEvent(hostSocket, 'viewers:count', (p) => p.count === 3);
    await enter();
    await threeWatching;
    expect(heard).toEqual([3]);
  });
});
