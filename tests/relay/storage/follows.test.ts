import { expect, it } from 'vitest';
import { DuplicateKeyError } from '../../../relay-server/src/storage/types.js';
import { describeEachDatabase } from '../../support/databases.js';
import { at, session, user } from './fixtures.js';

describeEachDatabase('storage: follows and profiles', (db) => {
  it('follows once (a repeat changes nothing, the first date stays), counts, unfollows', async () => {
    const s = db.storage();
    const creator = await s.users.create(user());
    const fan = await s.users.create(user());
    expect(await s.follows.follow({ followerId: fan.id, creatorId: creator.id, notificationsMuted: false, createdAt: at(0) })).toBe(true);
    expect(await s.follows.follow({ followerId: fan.id, creatorId: creator.id, notificationsMuted: false, createdAt: at(5000) })).toBe(false);
    expect(await s.follows.find(fan.id, creator.id)).toEqual({ followerId: fan.id, creatorId: creator.id, notificationsMuted: false, createdAt: at(0) });
    expect(await s.follows.countFollowers(creator.id)).toBe(1);
    expect(await s.follows.countFollowers(fan.id)).toBe(0);
    expect(await s.follows.followedAmong(fan.id, [creator.id, fan.id, 'nobody'])).toEqual(new Set([creator.id]));
    expect(await s.follows.unfollow(fan.id, creator.id)).toBe(true);
    expect(await s.follows.unfollow(fan.id, creator.id)).toBe(false);
    expect(await s.follows.countFollowers(creator.id)).toBe(0);
  });

  it('pages the followers to notify in id order, leaving out those who muted the creator', async () => {
    const s = db.storage();
    const creator = await s.users.create(user());
    const fans = await Promise.all(Array.from({ length: 7 }, () => s.users.create(user())));
    await s.follows.addMany(fans.map((f) => ({ followerId: f.id, creatorId: creator.id, notificationsMuted: false, createdAt: at() })));
    const muted = fans[3]!;
    expect(await s.follows.setNotificationsMuted(muted.id, creator.id, true)).toBe(true);
    expect(await s.follows.setNotificationsMuted(creator.id, muted.id, true)).toBe(false);
    const seen: string[] = [];
    for (let after: string | null = null; ; ) {
      const page = await s.follows.notifiablePage(creator.id, after, 2);
      if (page.length === 0) break;
      seen.push(...page);
      after = page[page.length - 1]!;
    }
    expect(seen).toEqual(fans.map((f) => f.id).filter((id) => id !== muted.id).sort());
    await expect(s.follows.addMany([{ followerId: fans[0]!.id, creatorId: creator.id, notificationsMuted: false, createdAt: at() }])).rejects.toBeInstanceOf(
      DuplicateKeyError,
    );
  });

  it('stores a profile (bio, avatar) and replaces it; display names change', async () => {
    const s = db.storage();
    const person = await s.users.create(user());
    expect(await s.profiles.find(person.id)).toBeNull();
    const profile = { userId: person.id, bio: 'Griot 🎙️ from Dakar\nlives on Fridays', avatar: 'UklGRg==', avatarUpdatedAt: at(7) };
    await s.profiles.put(profile);
    expect(await s.profiles.find(person.id)).toEqual(profile);
    await s.profiles.put({ ...profile, avatar: null, avatarUpdatedAt: null });
    expect(await s.profiles.find(person.id)).toEqual({ ...profile, avatar: null, avatarUpdatedAt: null });
    expect(await s.users.setDisplayName(person.id, 'Awa Diop')).toBe(true);
    expect((await s.users.findById(person.id))?.displayName).toBe('Awa Diop');
    expect(await s.users.setDisplayName('nobody', 'x')).toBe(false);
  });

  it('lists a host sessions by state, newest start first', async () => {
    const s = db.storage();
    const host = await s.users.create(user());
    const older = await s.sessions.create(session(host.id, { state: 'ended', startedAt: at(0), endedAt: at(10) }));
    const newer = await s.sessions.create(session(host.id, { state: 'ended', startedAt: at(100), endedAt: at(200) }));
    await s.sessions.create(session(host.id, { state: 'live', startedAt: at(300) }));
    expect((await s.sessions.listByHost(host.id, ['ended'], 10)).map((r) => r.id)).toEqual([newer.id, older.id]);
    expect(await s.sessions.listByHost(host.id, ['ended'], 1)).toHaveLength(1);
  });
});
