/**
 * The relay's storage interface. Domain services see only this; SQL lives in the one drizzle
 * implementation beside it (repositories/, over mysql/ or sqlite/), which one contract suite tests on both.
 * The records and repository interfaces sit per domain in interfaces/; this file assembles them.
 * Times are Date objects here; the transports turn them into ISO strings.
 */
import type { ProfileRepo, RevokedTokenRepo, UserRepo } from './interfaces/users.js';
import type { ParticipantRepo, SessionRepo } from './interfaces/sessions.js';
import type { InvitationRepo } from './interfaces/invitations.js';
import type { MessageRepo, ReactionRepo } from './interfaces/chat.js';
import type { ModerationRepo } from './interfaces/moderation.js';
import type { FollowRepo } from './interfaces/follows.js';
import type { StreamKeyRepo } from './interfaces/ingest.js';
import type { AccountSettingsRepo } from './interfaces/account-settings.js';
import type { LedgerRepo } from './interfaces/ledger.js';
import type { GiftRepo, PaymentRepo } from './interfaces/gifts.js';
import type { DestinationRepo } from './interfaces/destinations.js';
import type { RecordingRepo } from './interfaces/recordings.js';
import type { AnalyticsRepo } from './interfaces/analytics.js';
import type { NotificationRepo, ScheduledLiveRepo } from './interfaces/notifications.js';
export type * from './interfaces/account-settings.js';
export type * from './interfaces/analytics.js';
export type * from './interfaces/chat.js';
export type * from './interfaces/destinations.js';
export type * from './interfaces/follows.js';
export type * from './interfaces/gifts.js';
export type * from './interfaces/ingest.js';
export type * from './interfaces/invitations.js';
export type * from './interfaces/ledger.js';
export type * from './interfaces/moderation.js';
export type * from './interfaces/notifications.js';
export type * from './interfaces/recordings.js';
export type * from './interfaces/sessions.js';
export type * from './interfaces/users.js';
export { SYSTEM_OWNER } from './interfaces/ledger.js';

/** Thrown by an insert that breaks a unique key (username, pending invitation, …). */
export class DuplicateKeyError extends Error {
  constructor(readonly key: string) {
    super(`duplicate key: ${key}`);
    this.name = 'DuplicateKeyError';
  }
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
  destinations: DestinationRepo;
  recordings: RecordingRepo;
  analytics: AnalyticsRepo;
  scheduledLives: ScheduledLiveRepo;
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
