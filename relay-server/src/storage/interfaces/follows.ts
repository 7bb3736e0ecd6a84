/** Who follows whom. */

/** `followerId` follows `creatorId` since `createdAt`. */
export interface FollowRecord {
  followerId: string;
  creatorId: string;
  notificationsMuted: boolean;
  createdAt: Date;
}

export interface FollowRepo {
  /** False when already following (nothing changes, the first date stays). */
  follow(follow: FollowRecord): Promise<boolean>;
  /** Inserts many follows at once, skipping none (imports, benchmarks); throws DuplicateKeyError('follow') on a repeat. */
  addMany(follows: FollowRecord[]): Promise<void>;
  /** False when not following. */
  unfollow(followerId: string, creatorId: string): Promise<boolean>;
  find(followerId: string, creatorId: string): Promise<FollowRecord | null>;
  countFollowers(creatorId: string): Promise<number>;
  /** The creators among `creatorIds` that `followerId` follows. */
  followedAmong(followerId: string, creatorIds: string[]): Promise<Set<string>>;
  /** False when not following. */
  setNotificationsMuted(followerId: string, creatorId: string, muted: boolean): Promise<boolean>;
  /**
   * One page of the followers to notify (not muted), in id order after `afterFollowerId`: the
   * fan-out walks them page by page on the creator's index.
   */
  notifiablePage(creatorId: string, afterFollowerId: string | null, limit: number): Promise<string[]>;
}
