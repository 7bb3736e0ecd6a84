/** Notifications to followers. */

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

/** A live a creator announced. */
export interface ScheduledLiveRecord {
  id: string;
  creatorId: string;
  title: string;
  startsAt: Date;
  createdAt: Date;
  /** The live that kept the appointment, once the creator went live near the time. */
  sessionId: string | null;
  /** When followers were reminded (at most once, whichever relay node claims it first). */
  remindedAt: Date | null;
}

export interface ScheduledLiveRepo {
  insert(record: ScheduledLiveRecord): Promise<void>;
  find(id: string): Promise<ScheduledLiveRecord | null>;
  /** The creator's announcements not reminded yet, soonest first. */
  upcomingOf(creatorId: string, limit: number): Promise<ScheduledLiveRecord[]>;
  /** Everyone's announcements not reminded yet and starting from `from` on, soonest first (the directory). */
  upcoming(from: Date, limit: number): Promise<ScheduledLiveRecord[]>;
  /** Not reminded yet and starting at or before `at`: the reminders that are due. */
  due(at: Date, limit: number): Promise<ScheduledLiveRecord[]>;
  /** Claims the reminder (sets remindedAt, and sessionId when a live kept it) unless already claimed; true when this call did. */
  claimReminder(id: string, at: Date, sessionId: string | null): Promise<boolean>;
  /** Removes the creator's own announcement; false when there is none of theirs with this id. */
  remove(id: string, creatorId: string): Promise<boolean>;
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
