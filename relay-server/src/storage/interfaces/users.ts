/** People: accounts and guests, their profiles, and sign-outs that outlive a token. */

export type UserKind = 'account' | 'guest';

export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  kind: UserKind;
  passwordHash: string | null;
  createdAt: Date;
  /** Tokens signed with a lower generation are dead ("sign out everywhere"); starts at 0. */
  tokenGeneration: number;
}

export interface ProfileRecord {
  userId: string;
  bio: string;
  /** WebP bytes as base64, re-encoded by the relay; null when none. */
  avatar: string | null;
  avatarUpdatedAt: Date | null;
}

export interface UserRepo {
  /** Throws DuplicateKeyError('username') when taken. */
  create(user: UserRecord): Promise<UserRecord>;
  /** Inserts many users at once (imports, benchmarks); throws DuplicateKeyError('username') on a taken name. */
  addMany(users: UserRecord[]): Promise<void>;
  findById(id: string): Promise<UserRecord | null>;
  findByUsername(username: string): Promise<UserRecord | null>;
  /** Accounts (not guests) whose username starts with `prefix`, ordered by username. */
  searchAccounts(prefix: string, limit: number): Promise<UserRecord[]>;
  findManyByIds(ids: string[]): Promise<UserRecord[]>;
  /** Raises the user's token generation by one (ending every token signed before); the new value, or null for an unknown user. */
  raiseTokenGeneration(id: string): Promise<number | null>;
  /** False when unknown. */
  setDisplayName(id: string, displayName: string): Promise<boolean>;
}

/** Token ids ended by logout, until their expiry (seconds since the epoch, as in the token). */
export interface RevokedTokenRepo {
  /** Idempotent: revoking the same token twice keeps one entry. */
  revoke(jti: string, expiresAt: Date): Promise<void>;
  isRevoked(jti: string): Promise<boolean>;
  /** Forgets the entries whose tokens expired before `now`; how many were removed. */
  pruneExpired(now: Date): Promise<number>;
}

export interface ProfileRepo {
  find(userId: string): Promise<ProfileRecord | null>;
  put(profile: ProfileRecord): Promise<ProfileRecord>;
}
