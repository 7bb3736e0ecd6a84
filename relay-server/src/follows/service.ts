import type { FollowReply, PublicProfile, ProfilePageReply, UpdateProfileBody } from '../../../protocol/follows.js';
import { FOLLOW_RATE } from '../../../protocol/follows.js';
import type { Actor } from '../core/actor.js';
import { fail } from '../core/errors.js';
import type { ModuleContext } from '../core/module.js';
import { TokenBuckets } from '../auth/token-bucket.js';
import { requireActor } from '../sessions/access.js';
import type { SessionRecord, UserRecord } from '../storage/types.js';
import { reencodeAvatar } from './avatar.js';
import { toPublicProfile } from './views.js';

export type FollowsService = ReturnType<typeof createFollowsService>;

/** A new follower, as the other domains hear of it (notifications, analytics, alerts). */
export interface NewFollower {
  creatorId: string;
  follower: Actor;
  at: Date;
}

/** A follow/unfollow/follow loop announces the follower to the creator once a day at most. */
const ANNOUNCE_AGAIN_AFTER_MS = 24 * 60 * 60_000;
const ANNOUNCED_MAX = 100_000;
const PAST_LIVES = 20;
const AVATAR_UPLOADS = { burst: 5, perSecond: 1 / 20 };

/** Follows and profiles: plain TypeScript over the module context. */
export function createFollowsService(ctx: ModuleContext) {
  const { storage, clock, notifier } = ctx;
  const changes = new TokenBuckets(FOLLOW_RATE.burst, FOLLOW_RATE.perSecond, clock);
  const uploads = new TokenBuckets(AVATAR_UPLOADS.burst, AVATAR_UPLOADS.perSecond, clock);
  const announced = new Map<string, number>();
  const listeners: Array<(event: NewFollower) => void> = [];

  function takeChange(actor: Actor): void {
    const wait = changes.take(actor.userId);
    if (wait > 0) throw fail.rateLimited(wait, 'Too many follows and unfollows, slow down');
  }

  async function findUser(userId: string): Promise<UserRecord> {
    const user = await storage.users.findById(userId);
    if (!user) throw fail.notFound('User');
    return user;
  }

  async function profileOf(user: UserRecord, viewer: Actor | null): Promise<PublicProfile> {
    const [profile, followerCount, follow] = await Promise.all([
      storage.profiles.find(user.id),
      storage.follows.countFollowers(user.id),
      viewer ? storage.follows.find(viewer.userId, user.id) : null,
    ]);
    return toPublicProfile(user, profile, followerCount, follow);
  }

  /** True the first time in a day this follower follows this creator (the loop guard). */
  function firstInADay(creatorId: string, followerId: string, now: number): boolean {
    const key = `${creatorId} ${followerId}`;
    const last = announced.get(key);
    if (last !== undefined && now - last < ANNOUNCE_AGAIN_AFTER_MS) return false;
    if (announced.size >= ANNOUNCED_MAX) announced.clear();
    announced.set(key, now);
    return true;
  }

  async function announce(creatorId: string, follower: Actor, at: Date): Promise<void> {
    if (!firstInADay(creatorId, follower.userId, at.getTime())) return;
    const followerCount = await storage.follows.countFollowers(creatorId);
    notifier.toUser(creatorId, 'follower:new', { creatorId, follower: { id: follower.userId, displayName: follower.displayName }, followerCount });
    for (const listener of listeners) listener({ creatorId, follower, at });
  }

  async function follow(caller: Actor | null, creatorId: string): Promise<FollowReply> {
    const actor = requireActor(caller);
    takeChange(actor);
    if (creatorId === actor.userId) throw fail.invalidInput('You cannot follow yourself');
    const creator = await findUser(creatorId);
    if (creator.kind !== 'account') throw fail.invalidInput('Guest accounts cannot be followed');
    const at = clock();
    const created = await storage.follows.follow({ followerId: actor.userId, creatorId, notificationsMuted: false, createdAt: at });
    if (created) await announce(creatorId, actor, at);
    return { followerCount: await storage.follows.countFollowers(creatorId), isFollowing: true };
  }

  async function unfollow(caller: Actor | null, creatorId: string): Promise<FollowReply> {
    const actor = requireActor(caller);
    takeChange(actor);
    await findUser(creatorId);
    await storage.follows.unfollow(actor.userId, creatorId);
    return { followerCount: await storage.follows.countFollowers(creatorId), isFollowing: false };
  }

  async function setNotificationsMuted(caller: Actor | null, creatorId: string, muted: boolean): Promise<PublicProfile> {
    const actor = requireActor(caller);
    const creator = await findUser(creatorId);
    if (!(await storage.follows.setNotificationsMuted(actor.userId, creatorId, muted))) throw fail.forbidden('Follow this creator first');
    return profileOf(creator, actor);
  }

  async function profilePage(username: string, viewer: Actor | null): Promise<ProfilePageReply> {
    const user = await storage.users.findByUsername(username);
    if (!user || user.kind !== 'account') throw fail.notFound('User');
    const [profile, open, past] = await Promise.all([
      profileOf(user, viewer),
      storage.sessions.listByHost(user.id, ['starting', 'live'], 5),
      storage.sessions.listByHost(user.id, ['ended'], PAST_LIVES * 2),
    ]);
    const present = (r: SessionRecord) => ctx.services.get('sessions').present.session(r);
    const live = open.find((s) => s.isPublic);
    return {
      user: profile,
      live: live ? await present(live) : null,
      pastLives: await Promise.all(past.filter((s) => s.isPublic).slice(0, PAST_LIVES).map(present)),
    };
  }

  async function updateProfile(caller: Actor | null, body: UpdateProfileBody): Promise<PublicProfile> {
    const actor = requireActor(caller);
    const user = await findUser(actor.userId);
    if (body.displayName !== undefined) await storage.users.setDisplayName(user.id, body.displayName);
    if (body.bio !== undefined) {
      const current = await storage.profiles.find(user.id);
      await storage.profiles.put({ userId: user.id, avatar: current?.avatar ?? null, avatarUpdatedAt: current?.avatarUpdatedAt ?? null, bio: body.bio });
    }
    return profileOf(await findUser(user.id), actor);
  }

  async function setAvatar(caller: Actor | null, bytes: Buffer | null): Promise<PublicProfile> {
    const actor = requireActor(caller);
    const user = await findUser(actor.userId);
    if (bytes) {
      const wait = uploads.take(actor.userId);
      if (wait > 0) throw fail.rateLimited(wait, 'Too many avatar uploads, slow down');
    }
    const webp = bytes ? (await reencodeAvatar(bytes)).toString('base64') : null;
    const current = await storage.profiles.find(user.id);
    await storage.profiles.put({ userId: user.id, bio: current?.bio ?? '', avatar: webp, avatarUpdatedAt: webp ? clock() : null });
    return profileOf(user, actor);
  }

  async function avatar(userId: string): Promise<Buffer | null> {
    const profile = await storage.profiles.find(userId);
    return profile?.avatar ? Buffer.from(profile.avatar, 'base64') : null;
  }

  async function following(caller: Actor | null, creatorIds: string[]): Promise<string[]> {
    const actor = requireActor(caller);
    return [...(await storage.follows.followedAmong(actor.userId, creatorIds))];
  }

  return {
    profile: async (userId: string, viewer: Actor | null) => profileOf(await findUser(userId), viewer),
    profilePage,
    follow,
    unfollow,
    setNotificationsMuted,
    updateProfile,
    setAvatar,
    avatar,
    following,
    /** Called for each new follower (once a day per follower and creator), on the node that took the follow. */
    onNewFollower(listener: (event: NewFollower) => void): void {
      listeners.push(listener);
    },
  };
}
