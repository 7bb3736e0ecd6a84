import { and, asc, count, eq, gt, inArray } from 'drizzle-orm';
import type { FollowRepo, ProfileRepo } from '../types.js';
import type { Dialect } from '../dialect.js';
import { inChunks } from '../shared/chunks.js';
import { isUniqueViolation, uniqueAs } from '../shared/errors.js';
import { followFromRow, followToRow, profileFromRow, profileToRow } from '../shared/rows.js';

export function followsRepo(d: Dialect): FollowRepo {
  const { db } = d;
  const { follows } = d.t;
  const key = (followerId: string, creatorId: string) => and(eq(follows.followerId, followerId), eq(follows.creatorId, creatorId));

  return {
    async follow(follow) {
      try {
        await db.insert(follows).values(followToRow(follow));
        return true;
      } catch (err) {
        if (isUniqueViolation(err)) return false;
        throw err;
      }
    },
    async addMany(records) {
      await inChunks(records.map(followToRow), (chunk) => uniqueAs('follow', () => db.insert(follows).values(chunk)));
    },
    async unfollow(followerId, creatorId) {
      return (await d.delete(follows, key(followerId, creatorId))) > 0;
    },
    async find(followerId, creatorId) {
      const [row] = await db.select().from(follows).where(key(followerId, creatorId));
      return row ? followFromRow(row) : null;
    },
    async countFollowers(creatorId) {
      const [row] = await db.select({ n: count() }).from(follows).where(eq(follows.creatorId, creatorId));
      return Number(row?.n ?? 0);
    },
    async followedAmong(followerId, creatorIds) {
      if (creatorIds.length === 0) return new Set();
      const rows = await db
        .select({ creatorId: follows.creatorId })
        .from(follows)
        .where(and(eq(follows.followerId, followerId), inArray(follows.creatorId, creatorIds)));
      return new Set(rows.map((r) => r.creatorId));
    },
    async setNotificationsMuted(followerId, creatorId, muted) {
      return (await d.update(follows, { notificationsMuted: muted }, key(followerId, creatorId))) > 0;
    },
    async notifiablePage(creatorId, afterFollowerId, limit) {
      const rows = await db
        .select({ followerId: follows.followerId })
        .from(follows)
        .where(
          and(
            eq(follows.creatorId, creatorId),
            eq(follows.notificationsMuted, false),
            afterFollowerId === null ? undefined : gt(follows.followerId, afterFollowerId),
          ),
        )
        .orderBy(asc(follows.followerId))
        .limit(limit);
      return rows.map((r) => r.followerId);
    },
  };
}

export function profilesRepo(d: Dialect): ProfileRepo {
  const { db } = d;
  const { profiles } = d.t;
  return {
    async find(userId) {
      const [row] = await db.select().from(profiles).where(eq(profiles.userId, userId));
      return row ? profileFromRow(row) : null;
    },
    async put(profile) {
      const { userId: _u, ...rest } = profileToRow(profile);
      await d.upsert(profiles, profileToRow(profile), [profiles.userId], rest);
      return profile;
    },
  };
}
