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
