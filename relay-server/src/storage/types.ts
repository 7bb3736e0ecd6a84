/**
 * The relay's storage interface. Domain services see only this; SQL lives in the one drizzle
 * implementation beside it (repositories/, over mysql/ or sqlite/), which one contract suite tests on both.
 * Times are Date objects here; the transports turn them into ISO strings.
 */
import type { Role, SessionState, SessionType } from '../../../protocol/sessions.js';
import type { InvitationStatus } from '../../../protocol/invitations.js';

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

export interface SessionRecord {
  id: string;
  hostId: string;
  title: string;
  description: string;
  type: SessionType;
  isPublic: boolean;
  maxParticipants: number;
  state: SessionState;
  createdAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  peakViewerCount: number;
}

export interface ParticipantRecord {
  sessionId: string;
  userId: string;
  role: Role;
  audioEnabled: boolean;
  videoEnabled: boolean;
  /** Set by the host: the participant may not turn these back on. */
  audioForcedOff: boolean;
  videoForcedOff: boolean;
  joinedAt: Date;
  /** Null while the user belongs to the session. */
  leftAt: Date | null;
}

export interface InvitationRecord {
  id: string;
  sessionId: string;
  fromUserId: string;
  toUserId: string;
  message: string;
  status: InvitationStatus;
  createdAt: Date;
  expiresAt: Date;
}

export interface InviteLinkRecord {
  /** SHA-256 of the link token: the token itself is never stored. */
  tokenHash: string;
  sessionId: string;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  /** What the link lets its holder do: join the stage (guest) or watch a private live (viewer). */
  role: InviteLinkRole;
}
export type InviteLinkRole = 'guest' | 'viewer';

export interface MessageRecord {
  id: string;
  /** Storage-assigned, strictly increasing across the whole table: the one order of messages. */
  seq: number;
  sessionId: string;
  userId: string;
  displayName: string;
  content: string;
  type: 'text' | 'system';
  clientMessageId: string | null;
  pinned: boolean;
  deletedAt: Date | null;
  createdAt: Date;
}
export type NewMessage = Omit<MessageRecord, 'seq' | 'pinned' | 'deletedAt'>;

export interface MuteRecord {
  sessionId: string;
  userId: string;
  /** Null: until lifted by hand. */
  until: Date | null;
  createdBy: string;
  createdAt: Date;
}

export interface BanRecord {
  sessionId: string;
  userId: string;
  reason: string | null;
  createdBy: string;
  createdAt: Date;
}

export interface ChatSettingsRecord {
  sessionId: string;
  slowModeSeconds: number;
  blockedTerms: string[];
  followersOnly: boolean;
  /** Minimum follow age for followersOnly (0: any follower). */
  followersOnlyMinutes: number;
}

export interface ModerationLogRecord {
  id: string;
  sessionId: string;
  actorId: string;
  action: 'pin' | 'unpin' | 'delete' | 'mute' | 'unmute' | 'ban' | 'unban' | 'settings' | 'role';
  targetUserId: string | null;
  targetMessageId: string | null;
  detail: string | null;
  createdAt: Date;
}

/** `followerId` follows `creatorId` since `createdAt`. */
export interface FollowRecord {
  followerId: string;
  creatorId: string;
  notificationsMuted: boolean;
  createdAt: Date;
}

export interface ProfileRecord {
  userId: string;
  bio: string;
  /** WebP bytes as base64, re-encoded by the relay; null when none. */
  avatar: string | null;
  avatarUpdatedAt: Date | null;
}

/** Thrown by an insert that breaks a unique key (username, pending invitation, …). */
export class DuplicateKeyError extends Error {
  constructor(readonly key: string) {
    super(`duplicate key: ${key}`);
    this.name = 'DuplicateKeyError';
  }
}

export interface UserRepo {
  /** Throws DuplicateKeyError('username') when taken. */
  create(user: UserRecord): Promise<UserRecord>;
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

export interface SessionRepo {
  create(session: SessionRecord): Promise<SessionRecord>;
  findById(id: string): Promise<SessionRecord | null>;
  /**
   * Compare-and-set: applies `patch` only while the session is in one of `fromStates`.
   * Returns the updated record, or null when the state had already moved on.
   */
  transition(
    id: string,
    fromStates: SessionState[],
    patch: Partial<Pick<SessionRecord, 'state' | 'startedAt' | 'endedAt'>>,
  ): Promise<SessionRecord | null>;
  /** Raises peakViewerCount to `count` when higher. */
  recordViewerPeak(id: string, count: number): Promise<void>;
  /** The session `hostId` hosts that is not ended, if any. */
  findOpenByHost(hostId: string): Promise<SessionRecord | null>;
  /** Newest first; `limit` defaults to 100. */
  listByState(states: SessionState[], options?: { publicOnly?: boolean; limit?: number }): Promise<SessionRecord[]>;
  /** Sessions not ended in which `userId` is host or a current (not left) participant. */
  listOpenForUser(userId: string): Promise<SessionRecord[]>;
  /** The host's sessions in `states`, newest start first (a profile's past lives). */
  listByHost(hostId: string, states: SessionState[], limit: number): Promise<SessionRecord[]>;
}

export interface ParticipantRepo {
  /** Inserts, or re-activates a participant who had left (clears leftAt, sets role and joinedAt). */
  upsert(participant: ParticipantRecord): Promise<ParticipantRecord>;
  find(sessionId: string, userId: string): Promise<ParticipantRecord | null>;
  /** Current participants (leftAt null), optionally only the given roles, ordered by joinedAt. */
  list(sessionId: string, roles?: readonly Role[]): Promise<ParticipantRecord[]>;
  count(sessionId: string, roles: readonly Role[]): Promise<number>;
  update(
    sessionId: string,
    userId: string,
    patch: Partial<Pick<ParticipantRecord, 'role' | 'audioEnabled' | 'videoEnabled' | 'audioForcedOff' | 'videoForcedOff' | 'leftAt'>>,
  ): Promise<ParticipantRecord | null>;
}

export interface InvitationRepo {
  /** Throws DuplicateKeyError('pending_invitation') while one is pending for the same session and invitee. */
  create(invitation: InvitationRecord): Promise<InvitationRecord>;
  findById(id: string): Promise<InvitationRecord | null>;
  listPendingFor(toUserId: string, now: Date): Promise<InvitationRecord[]>;
  findPending(sessionId: string, toUserId: string): Promise<InvitationRecord | null>;
  /** Every pending invitation of the session, expired or not, oldest first (to tell invitees it was cancelled). */
  listPendingForSession(sessionId: string): Promise<InvitationRecord[]>;
  /** Every invitation of the session whatever its state, oldest first (the host's list). */
  listForSession(sessionId: string): Promise<InvitationRecord[]>;
  /** Compare-and-set on status; null when it was no longer `from`. */
  setStatus(id: string, from: InvitationStatus, to: InvitationStatus): Promise<InvitationRecord | null>;
  /** Marks every pending invitation of the session with `to` (e.g. cancelled when it ends). */
  closePendingForSession(sessionId: string, to: InvitationStatus): Promise<void>;
  createLink(link: InviteLinkRecord): Promise<InviteLinkRecord>;
  findLink(tokenHash: string): Promise<InviteLinkRecord | null>;
}

export interface InsertMessageResult {
  message: MessageRecord;
  /** False when (sessionId, userId, clientMessageId) already existed: `message` is the stored one. */
  created: boolean;
}

export interface MessageRepo {
  /** Idempotent on (sessionId, userId, clientMessageId) through a unique key. */
  insert(message: NewMessage): Promise<InsertMessageResult>;
  findById(id: string): Promise<MessageRecord | null>;
  /** Not deleted, seq > afterSeq, oldest first. */
  listAfter(sessionId: string, afterSeq: number, limit: number): Promise<MessageRecord[]>;
  /** Not deleted, seq < beforeSeq (or the newest when undefined), returned oldest first. */
  listBefore(sessionId: string, beforeSeq: number | undefined, limit: number): Promise<MessageRecord[]>;
  listPinned(sessionId: string): Promise<MessageRecord[]>;
  setPinned(id: string, pinned: boolean): Promise<MessageRecord | null>;
  /** Marks it deleted (and unpins it); false when unknown or already deleted. */
  softDelete(id: string, at: Date): Promise<boolean>;
  /** Ids of one author's messages in a session that are not deleted, oldest first (a ban that removes them). */
  listIdsByAuthor(sessionId: string, userId: string): Promise<string[]>;
  /** Messages not deleted (text and system). */
  count(sessionId: string): Promise<number>;
  /** Messages not deleted with createdAt >= since. */
  countSince(sessionId: string, since: Date): Promise<number>;
  /** Distinct authors of non-deleted 'text' messages (system messages are not chatters) since `since`. */
  countDistinctAuthorsSince(sessionId: string, since: Date): Promise<number>;
  /** Deletes messages of ended sessions created before `cutoff`; returns how many. */
  purgeEndedBefore(cutoff: Date): Promise<number>;
}

export interface ReactionRepo {
  add(sessionId: string, emoji: string, userId: string, at: Date): Promise<void>;
  counts(sessionId: string): Promise<Record<string, number>>;
  total(sessionId: string): Promise<number>;
}

export interface ModerationRepo {
  upsertMute(mute: MuteRecord): Promise<MuteRecord>;
  removeMute(sessionId: string, userId: string): Promise<boolean>;
  findMute(sessionId: string, userId: string): Promise<MuteRecord | null>;
  listMutes(sessionId: string): Promise<MuteRecord[]>;
  upsertBan(ban: BanRecord): Promise<BanRecord>;
  removeBan(sessionId: string, userId: string): Promise<boolean>;
  findBan(sessionId: string, userId: string): Promise<BanRecord | null>;
  listBans(sessionId: string): Promise<BanRecord[]>;
  getSettings(sessionId: string): Promise<ChatSettingsRecord | null>;
  putSettings(settings: ChatSettingsRecord): Promise<ChatSettingsRecord>;
  appendLog(entry: ModerationLogRecord): Promise<void>;
  /** Newest first (insertion order, exact even within one millisecond). */
  listLog(sessionId: string, limit: number): Promise<ModerationLogRecord[]>;
}

/** A stream key: only its SHA-256 and last characters are stored; the secret is shown once. */
export interface StreamKeyRecord {
  id: string;
  userId: string;
  keyHash: string;
  last4: string;
  label: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** What a live started by an encoder (stream key) is created with. */
export interface IngestDefaultsRecord {
  userId: string;
  title: string;
  type: SessionType;
  isPublic: boolean;
  updatedAt: Date;
}

export interface StreamKeyRepo {
  create(key: StreamKeyRecord): Promise<StreamKeyRecord>;
  /** Keys not revoked, oldest first. */
  listActive(userId: string): Promise<StreamKeyRecord[]>;
  /** The key with this hash, if it is not revoked. */
  findActiveByHash(keyHash: string): Promise<StreamKeyRecord | null>;
  /** Revokes the user's key; false when unknown, someone else's, or already revoked. */
  revoke(id: string, userId: string, at: Date): Promise<boolean>;
  touch(id: string, at: Date): Promise<void>;
  getDefaults(userId: string): Promise<IngestDefaultsRecord | null>;
  putDefaults(defaults: IngestDefaultsRecord): Promise<IngestDefaultsRecord>;
}

/** One stored setting of a person's: its name and its value as JSON (parsed by the caller's schema). */
export interface AccountSettingRecord {
  userId: string;
  name: string;
  value: unknown;
  updatedAt: Date;
}

export interface AccountSettingsRepo {
  /** Every setting the person saved, in name order. */
  list(userId: string): Promise<AccountSettingRecord[]>;
  /** Saves each setting (replacing that name's earlier value); run it in `transaction` for all-or-none. */
  put(settings: AccountSettingRecord[]): Promise<void>;
}

export type LedgerKind = 'coins' | 'diamonds' | 'minted' | 'revenue';
export type LedgerReason = 'purchase' | 'grant' | 'gift' | 'fee';
/** One account: a user's `coins` or `diamonds`, or the system's `minted` and `revenue` (owner `system`). */
export interface LedgerAccountRef {
  owner: string;
  kind: LedgerKind;
}
export const SYSTEM_OWNER = 'system';

/** One movement: a debit leg on `from` and a credit leg on `to`, of the same positive `amount`. */
export interface LedgerTransfer {
  /** Unique for ever: posting the same id twice is refused (DuplicateKeyError `ledger_transfer`). */
  id: string;
  from: LedgerAccountRef;
  to: LedgerAccountRef;
  amount: number;
  reason: LedgerReason;
  at: Date;
}

/** What `npm run ledger:check` reads: every balance recomputed from the entries. */
export interface LedgerAudit {
  transfers: number;
  entries: number;
  /** Transfers whose legs are not exactly one debit and one credit summing to zero. */
  unbalancedTransfers: Array<{ transferId: string; legs: number; sum: number }>;
  /** Accounts whose stored balance differs from the sum of their entries (either side may be missing: 0). */
  mismatchedAccounts: Array<{ owner: string; kind: LedgerKind; stored: number; fromEntries: number }>;
  /** Accounts other than the mint below zero. */
  negativeAccounts: Array<{ owner: string; kind: LedgerKind; balance: number }>;
  /** Coins issued: what the mint gave out, from its entries. */
  minted: number;
  /** The stored balances of every account but the mint, added up. */
  held: number;
}

export interface LedgerRepo {
  /**
   * Posts one transfer: debits `from` only if its balance covers `amount` (one conditional UPDATE,
   * so two concurrent posts cannot both spend the same coins; the mint alone may go below zero),
   * credits `to`, and writes the two entries. False when `from` cannot afford it: nothing written.
   * Run it inside a transaction with whatever else must commit with it.
   */
  post(transfer: LedgerTransfer): Promise<boolean>;
  /**
   * The parts of `post`, for writers that batch many transfers in one transaction: `take` debits a
   * balance only if it covers `amount` (one conditional UPDATE); `add` credits (or gives back a take);
   * `record` writes each transfer's two legs (DuplicateKeyError `ledger_transfer` on a replayed id).
   * Balances and entries must agree when the transaction commits.
   */
  take(account: LedgerAccountRef, amount: number, at: Date): Promise<boolean>;
  add(account: LedgerAccountRef, amount: number, at: Date): Promise<void>;
  record(transfers: LedgerTransfer[]): Promise<void>;
  balance(account: LedgerAccountRef): Promise<number>;
  audit(): Promise<LedgerAudit>;
}

export interface GiftRecord {
  id: string;
  sessionId: string;
  senderId: string;
  creatorId: string;
  giftId: string;
  count: number;
  coins: number;
  /** What the creator earned of it. */
  diamonds: number;
  clientGiftId: string;
  createdAt: Date;
}

export interface GifterTotal {
  userId: string;
  displayName: string;
  coins: number;
}

export interface LiveGiftTotals {
  sessionId: string;
  title: string;
  startedAt: Date | null;
  gifts: number;
  coins: number;
  diamonds: number;
}

export interface GiftRepo {
  /** DuplicateKeyError `client_gift_id` when this sender already used that clientGiftId. */
  insert(gift: GiftRecord): Promise<void>;
  findByClientId(senderId: string, clientGiftId: string): Promise<GiftRecord | null>;
  /** The live's biggest spenders, most coins first. */
  topGifters(sessionId: string, limit: number): Promise<GifterTotal[]>;
  /** A creator's gifts, per live, newest live first (lives without gifts are left out). */
  earningsByLive(creatorId: string, limit: number): Promise<LiveGiftTotals[]>;
  /** One live's totals (zeros when nobody gave). */
  liveTotals(sessionId: string): Promise<Omit<LiveGiftTotals, 'title' | 'startedAt'>>;
}

export interface PaymentRecord {
  /** `<provider>:<reference>`. */
  id: string;
  provider: 'stripe';
  userId: string;
  packId: string;
  coins: number;
  amountMinor: number;
  currency: string;
  createdAt: Date;
}

export interface PaymentRepo {
  /** DuplicateKeyError `payment` when this payment was already recorded (so already credited). */
  record(payment: PaymentRecord): Promise<void>;
  find(id: string): Promise<PaymentRecord | null>;
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

/** One person's notification of one event (a creator went live, a scheduled live begins). */
export interface NotificationRecord {
  userId: string;
  /** Shared by every recipient of the event: `live:<sessionId>`, `scheduled:<id>`. */
  id: string;
  kind: 'live' | 'scheduled';
  creatorId: string;
  sessionId: string | null;
  title: string;
  startsAt: Date | null;
  createdAt: Date;
  readAt: Date | null;
}

export interface NotificationRepo {
  /** Writes one batch; a recipient who already has this notification keeps theirs (a re-run adds no duplicate). */
  insertMany(notifications: NotificationRecord[]): Promise<void>;
  /** Newest first. */
  listForUser(userId: string, limit: number): Promise<NotificationRecord[]>;
  unreadCount(userId: string): Promise<number>;
  /** Marks `ids` (all when null) read; how many changed. */
  markRead(userId: string, ids: string[] | null, at: Date): Promise<number>;
  /** How many people have notification `id` (tests, benchmarks). */
  countRecipients(id: string): Promise<number>;
}

export interface ProfileRepo {
  find(userId: string): Promise<ProfileRecord | null>;
  put(profile: ProfileRecord): Promise<ProfileRecord>;
}

export interface Repositories {
  users: UserRepo;
  revokedTokens: RevokedTokenRepo;
  sessions: SessionRepo;
  participants: ParticipantRepo;
  invitations: InvitationRepo;
  messages: MessageRepo;
  reactions: ReactionRepo;
  moderation: ModerationRepo;
  streamKeys: StreamKeyRepo;
  accountSettings: AccountSettingsRepo;
  ledger: LedgerRepo;
  gifts: GiftRepo;
  payments: PaymentRepo;
  follows: FollowRepo;
  profiles: ProfileRepo;
  notifications: NotificationRepo;
}

export interface Storage extends Repositories {
  readonly dialect: 'mysql' | 'sqlite';
  /**
   * Runs `work` atomically: every write inside commits together or not at all. Inside, use only
   * `tx` (SQLite refuses top-level calls there rather than deadlock). On MySQL a transaction that
   * loses a deadlock is run again, so `work` must have no side effects outside `tx`.
   */
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  /** Resolves when the database answers; used by /healthz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
