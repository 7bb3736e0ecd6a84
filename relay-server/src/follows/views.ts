import type { PublicProfile } from '../../../protocol/follows.js';
import { toUserView } from '../auth/user-view.js';
import type { FollowRecord, ProfileRecord, UserRecord } from '../storage/types.js';

/** The relay path of a user's avatar; `v` changes with the image so browsers may cache each version. */
export function avatarPath(userId: string, profile: ProfileRecord | null): string | null {
  if (!profile?.avatar || !profile.avatarUpdatedAt) return null;
  return `/api/users/${encodeURIComponent(userId)}/avatar?v=${profile.avatarUpdatedAt.getTime()}`;
}

export function toPublicProfile(user: UserRecord, profile: ProfileRecord | null, followerCount: number, follow: FollowRecord | null): PublicProfile {
  return {
    ...toUserView(user),
    bio: profile?.bio ?? '',
    avatarUrl: avatarPath(user.id, profile),
    followerCount,
    isFollowing: follow !== null,
    followingSince: follow ? follow.createdAt.toISOString() : null,
    notificationsMuted: follow?.notificationsMuted ?? false,
  };
}
