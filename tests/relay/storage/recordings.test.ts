import { expect, it } from 'vitest';
import type { RecordingRecord } from '../../../relay-server/src/storage/types.js';
import { describeEachDatabase } from '../../support/databases.js';
import { at, session, user } from './fixtures.js';

const recording = (sessionId: string, hostId: string, overrides: Partial<RecordingRecord> = {}): RecordingRecord => ({
  sessionId,
  hostId,
  enabled: true,
  state: 'waiting',
  durationMs: 0,
  bytes: 0,
  error: null,
  createdAt: at(0),
  startedAt: null,
  finishedAt: null,
  ...overrides,
});

describeEachDatabase('storage: recordings', (db) => {
  it('creates one recording per live (a second create returns the stored one) and moves it by compare-and-set', async () => {
    const s = db.storage();
    const host = await s.users.create(user());
    const live = await s.sessions.create(session(host.id));
    expect(await s.recordings.createIfMissing(recording(live.id, host.id))).toEqual(recording(live.id, host.id));
    expect((await s.recordings.createIfMissing(recording(live.id, host.id, { enabled: false, state: 'off' }))).enabled).toBe(true);
    const started = await s.recordings.transition(live.id, ['waiting'], { state: 'recording', startedAt: at(1000), durationMs: 2000 });
    expect(started).toMatchObject({ state: 'recording', startedAt: at(1000), durationMs: 2000 });
    expect(await s.recordings.transition(live.id, ['waiting'], { state: 'processing' })).toBeNull();
    // An MP4 past 2 GiB keeps its exact size.
    const ready = await s.recordings.transition(live.id, ['recording'], { state: 'ready', bytes: 3_000_000_123, finishedAt: at(9000) });
    expect(ready).toMatchObject({ state: 'ready', bytes: 3_000_000_123, finishedAt: at(9000), startedAt: at(1000) });
    expect(await s.recordings.find(live.id)).toEqual(ready);
  });

  it('lists by state, by host, public ready ones newest first, and those finished before a date; deletes', async () => {
    const s = db.storage();
    const host = await s.users.create(user());
    const other = await s.users.create(user());
    const older = await s.sessions.create(session(host.id));
    const newer = await s.sessions.create(session(host.id));
    const hidden = await s.sessions.create(session(host.id, { isPublic: false }));
    const running = await s.sessions.create(session(other.id));
    await s.recordings.createIfMissing(recording(older.id, host.id, { state: 'ready', finishedAt: at(1000) }));
    await s.recordings.createIfMissing(recording(newer.id, host.id, { state: 'ready', finishedAt: at(5000), createdAt: at(10) }));
    await s.recordings.createIfMissing(recording(hidden.id, host.id, { state: 'failed', finishedAt: at(2000) }));
    await s.recordings.createIfMissing(recording(running.id, other.id, { state: 'recording' }));

    const publicReady = (await s.recordings.listReadyPublic(100)).map((r) => r.sessionId);
    expect(publicReady.indexOf(newer.id)).toBeLessThan(publicReady.indexOf(older.id));
    expect(publicReady).not.toContain(hidden.id);
    expect(publicReady).not.toContain(running.id);
    expect((await s.recordings.listByHost(host.id, ['ready', 'failed'], 10)).map((r) => r.sessionId).sort()).toEqual([older.id, newer.id, hidden.id].sort());
    expect((await s.recordings.listByState(['recording'], 100)).map((r) => r.sessionId)).toContain(running.id);
    const old = (await s.recordings.listFinishedBefore(at(3000), 100)).map((r) => r.sessionId);
    expect(old).toEqual(expect.arrayContaining([older.id, hidden.id]));
    expect(old).not.toContain(newer.id);
    expect(old).not.toContain(running.id);
    expect(await s.recordings.delete(older.id)).toBe(true);
    expect(await s.recordings.delete(older.id)).toBe(false);
    expect(await s.recordings.find(older.id)).toBeNull();
  });

  it('keeps the scene changes of a live as chapters, oldest first; one per millisecond (the later title wins)', async () => {
    const s = db.storage();
    const host = await s.users.create(user());
    const live = await s.sessions.create(session(host.id));
    const other = await s.sessions.create(session(host.id));
    await s.recordings.addChapter({ sessionId: live.id, at: at(5000), title: 'Interview' });
    await s.recordings.addChapter({ sessionId: live.id, at: at(1000), title: 'Scène 1 🎤' });
    await s.recordings.addChapter({ sessionId: live.id, at: at(5000), title: 'Q&A' });
    await s.recordings.addChapter({ sessionId: other.id, at: at(2000), title: 'Elsewhere' });
    expect(await s.recordings.listChapters(live.id, 10)).toEqual([
      { sessionId: live.id, at: at(1000), title: 'Scène 1 🎤' },
      { sessionId: live.id, at: at(5000), title: 'Q&A' },
    ]);
    expect(await s.recordings.listChapters(live.id, 1)).toHaveLength(1);
    expect(await s.recordings.countChapters(live.id)).toBe(2);
    expect(await s.recordings.countChapters(other.id)).toBe(1);
  });
});
