import { afterEach, describe, expect, it, vi } from 'vitest';
import { startTestRelay, type TestRelay } from '../../support/relay.js';

/**
 * Each relay builds its own modules (`RelayModule.create`): what a module keeps lives in its closure and
 * its `close()` releases it. Several relays in one process (tests, the multi-node suites) share nothing.
 */

/** Records every interval the code under test starts and every one it clears. */
function trackIntervals() {
  const started = new Set<unknown>();
  const cleared = new Set<unknown>();
  const realSet = globalThis.setInterval;
  const realClear = globalThis.clearInterval;
  vi.spyOn(globalThis, 'setInterval').mockImplementation(((...args: Parameters<typeof setInterval>) => {
    const handle = realSet(...args);
    started.add(handle);
    return handle;
  }) as typeof setInterval);
  vi.spyOn(globalThis, 'clearInterval').mockImplementation(((handle?: Parameters<typeof clearInterval>[0]) => {
    if (handle !== undefined) cleared.add(handle);
    realClear(handle);
  }) as typeof clearInterval);
  return {
    /** Intervals started since `mark` was taken that are still running. */
    runningSince: (mark: ReadonlySet<unknown>) => [...started].filter((h) => !mark.has(h) && !cleared.has(h)),
    mark: (): ReadonlySet<unknown> => new Set(started),
  };
}

/** A host goes live and a viewer's socket chats: every module that keeps state has something to keep. */
async function liveWithChat(t: TestRelay): Promise<string> {
  const host = await t.register();
  const created = await t.api('POST', '/api/sessions', { token: host.token, body: { title: 'lifecycle', type: 'video', isPublic: true } });
  expect(created.status).toBe(201);
  const sessionId = (created.body as { session: { id: string } }).session.id;
  expect((await t.api('POST', `/api/sessions/${sessionId}/start`, { token: host.token })).status).toBe(200);
  const viewer = await t.register();
  const socket = await t.socket(viewer.token);
  expect((await socket.emitWithAck('session:join', { sessionId })).ok).toBe(true);
  const sent = await socket.emitWithAck('chat:send', { sessionId, content: 'hello', clientMessageId: `c-${sessionId}` });
  expect(sent.ok).toBe(true);
  socket.close();
  return sessionId;
}

describe('relay modules: one set per relay, released by close()', () => {
  afterEach(() => vi.restoreAllMocks());

  it('close() stops every interval the modules started; a second relay in the same process starts clean and works', async () => {
    const intervals = trackIntervals();
    const before = intervals.mark();
    const first = await startTestRelay({ dialect: 'sqlite' });
    // Sweepers and housekeeping run while the relay listens.
    expect(intervals.runningSince(before).length).toBeGreaterThan(0);
    await liveWithChat(first);
    await first.close();
    expect(intervals.runningSince(before)).toEqual([]);

    const second = await startTestRelay({ dialect: 'sqlite' });
    const sessionId = await liveWithChat(second);
    // The second relay knows its own session and nothing of the first's.
    const info = await second.api('GET', `/api/sessions/${sessionId}`);
    expect(info.status).toBe(200);
    await second.close();
    expect(intervals.runningSince(before)).toEqual([]);
  });

  it('closing one of two relays leaves the other running: its timers live and its chat still delivers', async () => {
    const intervals = trackIntervals();
    const before = intervals.mark();
    const a = await startTestRelay({ dialect: 'sqlite' });
    const afterA = intervals.mark();
    const b = await startTestRelay({ dialect: 'sqlite' });
    const ofB = intervals.runningSince(afterA);
    expect(ofB.length).toBeGreaterThan(0);

    await a.close();
    expect(intervals.runningSince(afterA)).toEqual(expect.arrayContaining(ofB));
    await liveWithChat(b);

    await b.close();
    expect(intervals.runningSince(before)).toEqual([]);
  });
});
