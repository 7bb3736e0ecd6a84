import { z } from 'zod';
import { Id, IsoTime, cleanText } from './common.js';
import { Session } from './sessions.js';
import { DisplayName, User, Username } from './users.js';

export const BIO_MAX_LENGTH = 300;
/** What a profile shows about its person: a short text, newlines allowed. */
export const Bio = cleanText(0, BIO_MAX_LENGTH);

/** Avatar uploads: PNG, JPEG, WebP or GIF up to this size; the relay re-encodes them to a square WebP. */
export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;
export const AVATAR_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;
/** The binary avatar routes (not JSON, so outside `routes`): upload (raw image body) and the image itself (WebP). */
export const avatarPaths = { upload: '/api/profile/avatar', image: '/api/users/:userId/avatar' } as const;
/** Side of the square the relay stores (pixels). */
export const AVATAR_SIZE = 256;

/** A user as others see them, with what concerns the caller (following, notifications muted). */
export const PublicProfile = User.extend({
  bio: z.string(),
  /** Relay path of the avatar image (changes when it does), or null. */
  avatarUrl: z.string().nullable(),
  followerCount: z.number().int(),
  /** Whether the caller follows this user (false when signed out). */
  isFollowing: z.boolean(),
  /** Since when the caller follows, or null. */
  followingSince: IsoTime.nullable(),
  /** The caller follows but asked not to be notified of this user's lives. */
  notificationsMuted: z.boolean(),
});
export type PublicProfile = z.infer<typeof PublicProfile>;

export const UserIdParams = z.object({ userId: Id });
export const UsernameParams = z.object({ username: Username });
export const ProfileReply = z.object({ user: PublicProfile });
export type ProfileReply = z.infer<typeof ProfileReply>;

/** The `/u/:username` page: the profile, the live on air now (if public), and past public lives. */
export const ProfilePageReply = z.object({
  user: PublicProfile,
  live: Session.nullable(),
  pastLives: z.array(Session),
});
export type ProfilePageReply = z.infer<typeof ProfilePageReply>;

export const FollowReply = z.object({ followerCount: z.number().int(), isFollowing: z.boolean() });
export type FollowReply = z.infer<typeof FollowReply>;

export const UpdateProfileBody = z
  .strictObject({ displayName: DisplayName.optional(), bio: Bio.optional() })
  .refine((b) => b.displayName !== undefined || b.bio !== undefined, 'nothing to change');
export type UpdateProfileBody = z.infer<typeof UpdateProfileBody>;

export const NotificationMuteBody = z.strictObject({ muted: z.boolean() });

/** Which of the listed creators the caller follows (directory cards). */
export const FollowingQuery = z.strictObject({ ids: z.string().max(64 * 100 + 99) });
export const FollowingReply = z.object({ following: z.array(Id) });

/** Follow/unfollow budget per person: a burst, then one change every few seconds (follow loops spam creators). */
export const FOLLOW_RATE = { burst: 10, perSecond: 1 / 6 } as const;

/** To the creator: someone new follows them (not repeated for the same person within a day). */
export const FollowerNewEvent = z.object({
  creatorId: Id,
  follower: z.object({ id: Id, displayName: z.string() }),
  followerCount: z.number().int(),
});
