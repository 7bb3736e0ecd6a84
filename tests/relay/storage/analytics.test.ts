import { expect, it } from 'vitest';
import { DuplicateKeyError, type AnalyticsBucketRecord } from '../../../relay-server/src/storage/types.js';
import { describeEachDatabase } from '../../support/databases.js';
import { at, id, participant, session, user } from './fixtures.js';

function bucket(sessionId: string, index: number, overrides: Partial<AnalyticsBucketRecord> = {}): AnalyticsBucketRecord {
  return {
    sessionId,
    index,
    startedAt: at(index * 10_000),
    durationMs: 10_000,
    viewers: 0,
    viewersWebrtc: null,
    viewersHls: null,
    chatMessages: 0,
    reactions: 0,
    reactionsTotal: 0,
    gifts: 0,
    coins: 0,
    follows: 0,
    ...overrides,
  };
}

describeEachDatabase('storage: analytics', (db) => {
  async function aLive() {
    const s = db.storage();
    const host = await s.users.create(user());
    const live = await s.sessions.create(session(host.id, { state: 'live', startedAt: at() }));
    return { s, host, live };
  }

  it('writes a bucket once: a second write of the same bucket is a DuplicateKeyError and its transaction leaves nothing', async () => {
    const { s, live } = await aLive();
    const viewer = await s.users.create(user());
    await s.transaction(async (tx) => {
      await tx.analytics.insertBucket(bucket(live.id, 0, { viewers: 3, viewersWebrtc: 2, viewersHls: 1, coins: 2_500_000_000 }));
      await tx.analytics.creditViewers(live.id, [{ userId: viewer.id, watchedMs: 10_000, chatted: false }], at(10_000));
    });
    const second = s.transaction(async (tx) => {
      await tx.analytics.insertBucket(bucket(live.id, 0, { viewers: 9 }));
      await tx.analytics.creditViewers(live.id, [{ userId: viewer.id, watchedMs: 10_000, chatted: true }], at(10_000));
    });
    await expect(second).rejects.toEqual(new DuplicateKeyError('analytics_bucket'));
    expect(await s.analytics.buckets(live.id)).toEqual([bucket(live.id, 0, { viewers: 3, viewersWebrtc: 2, viewersHls: 1, coins: 2_500_000_000 })]);
    expect(await s.analytics.viewerSums([live.id])).toEqual([{ sessionId: live.id, uniqueViewers: 1, watchedMs: 10_000, chatters: 0 }]);
  });

  it('credits watch time and the chat flag per viewer across buckets, creating rows for new viewers', async () => {
    const { s, live } = await aLive();
    const ids = Array.from({ length: 3 }, () => id());
    await s.analytics.creditViewers(live.id, [{ userId: ids[0]!, watchedMs: 10_000, chatted: false }, { userId: ids[1]!, watchedMs: 0, chatted: true }], at(10_000));
    await s.analytics.creditViewers(
      live.id,
      [
        { userId: ids[0]!, watchedMs: 10_000, chatted: true },
        { userId: ids[1]!, watchedMs: 4_000, chatted: false },
        { userId: ids[2]!, watchedMs: 4_000, chatted: false },
      ],
      at(14_000),
    );
    // A chat flag once set stays; watch time adds up.
    expect(await s.analytics.viewerSums([live.id])).toEqual([{ sessionId: live.id, uniqueViewers: 3, watchedMs: 28_000, chatters: 2 }]);
  });

  it('credits hundreds of viewers at once (chunked statements)', async () => {
    const { s, live } = await aLive();
    const sightings = Array.from({ length: 1_200 }, () => ({ userId: id(), watchedMs: 10_000, chatted: false }));
    await s.analytics.creditViewers(live.id, sightings, at(10_000));
    await s.analytics.creditViewers(live.id, sightings, at(20_000));
    expect(await s.analytics.viewerSums([live.id])).toEqual([{ sessionId: live.id, uniqueViewers: 1_200, watchedMs: 1_200 * 20_000, chatters: 0 }]);
  });

  it('sums buckets per live (peak, viewer-time, events) and returns buckets after an index, in order', async () => {
    const { s, live } = await aLive();
    const other = (await aLive()).live;
    await s.analytics.insertBucket(bucket(live.id, 1, { viewers: 5, chatMessages: 4, reactions: 7, reactionsTotal: 9, gifts: 1, coins: 100, follows: 2 }));
    await s.analytics.insertBucket(bucket(live.id, 0, { viewers: 2, chatMessages: 1, reactions: 2, reactionsTotal: 2 }));
    await s.analytics.insertBucket(bucket(live.id, 2, { durationMs: 4_000, viewers: 1 }));
    await s.analytics.insertBucket(bucket(other.id, 0, { viewers: 50 }));
    expect((await s.analytics.buckets(live.id)).map((b) => b.index)).toEqual([0, 1, 2]);
    expect((await s.analytics.buckets(live.id, 0)).map((b) => b.index)).toEqual([1, 2]);
    expect(await s.analytics.buckets(live.id, 2)).toEqual([]);
    expect((await s.analytics.lastBucket(live.id))?.index).toBe(2);
    expect(await s.analytics.lastBucket(id())).toBeNull();
    const sums = await s.analytics.bucketSums([live.id, other.id]);
    expect(sums.find((r) => r.sessionId === live.id)).toEqual({
      sessionId: live.id,
      buckets: 3,
      durationMs: 24_000,
      peakViewers: 5,
      viewerMs: 2 * 10_000 + 5 * 10_000 + 1 * 4_000,
      chatMessages: 5,
      reactions: 9,
      gifts: 1,
      coins: 100,
      follows: 2,
    });
    expect(sums.find((r) => r.sessionId === other.id)?.peakViewers).toBe(50);
    expect(await s.analytics.bucketSums([])).toEqual([]);
    expect(await s.analytics.viewerSums([])).toEqual([]);
  });

  it('counts the events of an interval: text messages and their authors, viewers who joined, gifts and coins, new followers', async () => {
    const { s, host, live } = await aLive();
    const [fan, late, mod] = await Promise.all([s.users.create(user()), s.users.create(user()), s.users.create(user())]);
    const message = (userId: string, offset: number, type: 'text' | 'system' = 'text') =>
      s.messages.insert({ id: id(), sessionId: live.id, userId, displayName: 'x', content: 'hi', type, clientMessageId: id(), createdAt: at(offset) });
    await message(fan.id, 1_000);
    await message(fan.id, 2_000);
    await message(host.id, 9_999);
    await message(mod.id, 5_000, 'system');
    await message(late.id, 10_000); // next interval
    await s.participants.upsert(participant(live.id, fan.id, { joinedAt: at(500) }));
    await s.participants.upsert(participant(live.id, mod.id, { role: 'moderator', joinedAt: at(600) }));
    await s.participants.upsert(participant(live.id, late.id, { joinedAt: at(10_500) }));
    const gift = (offset: number, coins: number) =>
      s.gifts.insert({ id: id(), sessionId: live.id, senderId: fan.id, creatorId: host.id, giftId: 'rose', count: 1, coins, diamonds: coins / 2, clientGiftId: id(), createdAt: at(offset) });
    await gift(3_000, 10);
    await gift(4_000, 500);
    await gift(12_000, 7);
    await s.follows.follow({ followerId: fan.id, creatorId: host.id, notificationsMuted: false, createdAt: at(8_000) });
    await s.follows.follow({ followerId: late.id, creatorId: host.id, notificationsMuted: false, createdAt: at(11_000) });
    await s.follows.follow({ followerId: host.id, creatorId: fan.id, notificationsMuted: false, createdAt: at(8_000) }); // not the host's follower

    const first = await s.analytics.eventsBetween(live.id, host.id, at(0), at(10_000));
    expect({ ...first, chatterIds: first.chatterIds.sort(), joinedIds: first.joinedIds.sort() }).toEqual({
      chatMessages: 3,
      chatterIds: [fan.id, host.id].sort(),
      joinedIds: [fan.id, mod.id].sort(),
      gifts: 2,
      coins: 510,
      follows: 1,
    });
    expect(await s.analytics.eventsBetween(live.id, host.id, at(10_000), at(20_000))).toEqual({
      chatMessages: 1,
      chatterIds: [late.id],
      joinedIds: [late.id],
      gifts: 1,
      coins: 7,
      follows: 1,
    });
  });
});
