import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases.js';
import { at, participant, seedSession, session, user } from './fixtures.js';

describeEachDatabase('storage: sessions', (db) => {
  it('stores a session and reads it back exactly', async () => {
    const { session: stored } = await seedSession(db.storage(), { title: 'Live 🎥 "quoted" \'x\'', description: 'שלום 𝄞' });
    expect(await db.storage().sessions.findById(stored.id)).toEqual(stored);
    expect(await db.storage().sessions.findById('missing')).toBeNull();
  });

  it('transitions only from the expected states (compare-and-set)', async () => {
    const { session: s } = await seedSession(db.storage());
    const started = await db.storage().sessions.transition(s.id, ['pending', 'starting'], { state: 'live', startedAt: at(1000) });
    expect(started).toEqual({ ...s, state: 'live', startedAt: at(1000) });
    // The state moved on: a second attempt from 'pending' changes nothing and says so.
    expect(await db.storage().sessions.transition(s.id, ['pending'], { state: 'live', startedAt: at(5000) })).toBeNull();
    expect((await db.storage().sessions.findById(s.id))?.startedAt).toEqual(at(1000));
    const ended = await db.storage().sessions.transition(s.id, ['live'], { state: 'ended', endedAt: at(9000) });
    expect(ended).toMatchObject({ state: 'ended', startedAt: at(1000), endedAt: at(9000) });
    expect(await db.storage().sessions.transition('missing', ['pending'], { state: 'live' })).toBeNull();
    expect(await db.storage().sessions.transition(s.id, [], { state: 'live' })).toBeNull();
  });

  it('lets exactly one of many concurrent identical transitions win', async () => {
    const { session: s } = await seedSession(db.storage());
    const results = await Promise.all(
      Array.from({ length: 10 }, () => db.storage().sessions.transition(s.id, ['pending'], { state: 'starting' })),
    );
    expect(results.filter((r) => r !== null)).toHaveLength(1);
  });

  it('raises the viewer peak only upwards', async () => {
    const { session: s } = await seedSession(db.storage());
    await db.storage().sessions.recordViewerPeak(s.id, 7);
    await db.storage().sessions.recordViewerPeak(s.id, 3);
    expect((await db.storage().sessions.findById(s.id))?.peakViewerCount).toBe(7);
    await db.storage().sessions.recordViewerPeak(s.id, 12);
    expect((await db.storage().sessions.findById(s.id))?.peakViewerCount).toBe(12);
  });

  it('finds the open session of a host, and none once it ended', async () => {
    const { host, session: s } = await seedSession(db.storage());
    expect((await db.storage().sessions.findOpenByHost(host.id))?.id).toBe(s.id);
    await db.storage().sessions.transition(s.id, ['pending'], { state: 'ended', endedAt: at(1) });
    expect(await db.storage().sessions.findOpenByHost(host.id)).toBeNull();
  });

  it('lists sessions by state, newest first, public only on request, limited', async () => {
    const host = await db.storage().users.create(user());
    const older = await db.storage().sessions.create(session(host.id, { state: 'live', createdAt: at(1) }));
    const hidden = await db.storage().sessions.create(session(host.id, { state: 'live', isPublic: false, createdAt: at(2) }));
    const newer = await db.storage().sessions.create(session(host.id, { state: 'live', createdAt: at(3) }));
    const mine = (list: { id: string }[]) => list.map((x) => x.id).filter((x) => [older.id, hidden.id, newer.id].includes(x));
    expect(mine(await db.storage().sessions.listByState(['live']))).toEqual([newer.id, hidden.id, older.id]);
    expect(mine(await db.storage().sessions.listByState(['live'], { publicOnly: true }))).toEqual([newer.id, older.id]);
    expect(await db.storage().sessions.listByState(['live'], { limit: 1 })).toHaveLength(1);
    expect(await db.storage().sessions.listByState([])).toEqual([]);
    const ended = await db.storage().sessions.listByState(['ended']);
    expect(ended.every((x) => x.state === 'ended')).toBe(true);
  });

  it('lists the open sessions a user hosts or currently belongs to', async () => {
    const storage = db.storage();
    const me = await storage.users.create(user());
    const { session: joined } = await seedSession(storage, { state: 'live' });
    const { session: left } = await seedSession(storage, { state: 'live' });
    const { session: over } = await seedSession(storage, { state: 'ended' });
    const hosted = await storage.sessions.create(session(me.id));
    await storage.participants.upsert(participant(joined.id, me.id));
    await storage.participants.upsert(participant(left.id, me.id, { leftAt: at(5) }));
    await storage.participants.upsert(participant(over.id, me.id));
    const open = await storage.sessions.listOpenForUser(me.id);
    expect(open.map((x) => x.id).sort()).toEqual([joined.id, hosted.id].sort());
  });
});

describeEachDatabase('storage: participants', (db) => {
  it('upserts, finds and re-activates a participant who left', async () => {
    const storage = db.storage();
    const { session: s } = await seedSession(storage);
    const viewer = await storage.users.create(user());
    const first = participant(s.id, viewer.id, { joinedAt: at(10) });
    expect(await storage.participants.upsert(first)).toEqual(first);
    expect(await storage.participants.find(s.id, viewer.id)).toEqual(first);
    await storage.participants.update(s.id, viewer.id, { leftAt: at(20) });
    expect(await storage.participants.list(s.id)).toEqual([]);
    const back = participant(s.id, viewer.id, { role: 'guest', joinedAt: at(30) });
    await storage.participants.upsert(back);
    expect(await storage.participants.find(s.id, viewer.id)).toEqual(back);
    expect(await storage.participants.find(s.id, 'missing')).toBeNull();
  });

  it('lists current participants by role in join order and counts them', async () => {
    const storage = db.storage();
    const { session: s } = await seedSession(storage);
    const people = await Promise.all([0, 1, 2, 3].map(() => storage.users.create(user())));
    const [a, b, c, d] = people.map((p) => p.id);
    if (!a || !b || !c || !d) throw new Error('seed failed');
    await storage.participants.upsert(participant(s.id, c, { role: 'guest', joinedAt: at(3) }));
    await storage.participants.upsert(participant(s.id, a, { role: 'viewer', joinedAt: at(1) }));
    await storage.participants.upsert(participant(s.id, b, { role: 'guest', joinedAt: at(2) }));
    await storage.participants.upsert(participant(s.id, d, { role: 'guest', joinedAt: at(0), leftAt: at(4) }));
    expect((await storage.participants.list(s.id)).map((p) => p.userId)).toEqual([a, b, c]);
    expect((await storage.participants.list(s.id, ['guest'])).map((p) => p.userId)).toEqual([b, c]);
    expect(await storage.participants.list(s.id, [])).toEqual([]);
    expect(await storage.participants.count(s.id, ['guest'])).toBe(2);
    expect(await storage.participants.count(s.id, ['guest', 'viewer'])).toBe(3);
    expect(await storage.participants.count(s.id, ['moderator'])).toBe(0);
  });

  it('updates flags and role, returning the new record; null for unknown participants', async () => {
    const storage = db.storage();
    const { session: s } = await seedSession(storage);
    const guest = await storage.users.create(user());
    const p = await storage.participants.upsert(participant(s.id, guest.id, { role: 'guest' }));
    const updated = await storage.participants.update(s.id, guest.id, { audioEnabled: true, videoForcedOff: true, role: 'moderator' });
    expect(updated).toEqual({ ...p, audioEnabled: true, videoForcedOff: true, role: 'moderator' });
    expect(await storage.participants.find(s.id, guest.id)).toEqual(updated);
    expect(await storage.participants.update(s.id, guest.id, {})).toEqual(updated);
    expect(await storage.participants.update(s.id, 'missing', { audioEnabled: true })).toBeNull();
  });
});
