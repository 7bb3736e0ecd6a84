import { z } from 'zod';
import { Id, IsoTime, cleanText } from './common.js';

/** A notification in someone's centre: a creator they follow went live, or a live they announced begins. */
export const Notification = z.object({
  id: z.string(),
  kind: z.enum(['live', 'scheduled']),
  creator: z.object({ id: Id, displayName: z.string(), username: z.string() }),
  /** The live to open (null for an announcement whose live has not started). */
  sessionId: Id.nullable(),
  title: z.string(),
  startsAt: IsoTime.nullable(),
  createdAt: IsoTime,
  read: z.boolean(),
});
export type Notification = z.infer<typeof Notification>;

export const NOTIFICATIONS_PAGE = 50;
export const NotificationsReply = z.object({ notifications: z.array(Notification), unreadCount: z.number().int() });
export type NotificationsReply = z.infer<typeof NotificationsReply>;
/** Marks these notifications read; without ids, all of them. */
export const MarkReadBody = z.strictObject({ ids: z.array(z.string().min(1).max(100)).max(NOTIFICATIONS_PAGE).optional() });
export const UnreadReply = z.object({ unreadCount: z.number().int() });

/** `notification:new`: the same payload goes to every recipient (one broadcast per batch). */
export const NotificationNewEvent = z.object({ notification: Notification });

// ── scheduled lives ────────────────────────────────────────────────────────────────────────────

export const SCHEDULE_TITLE_MAX = 120;
/** How far ahead a live may be announced, and how many a creator may have announced at once. */
export const SCHEDULE_MAX_AHEAD_DAYS = 90;
export const SCHEDULE_MAX_UPCOMING = 20;

/** A live a creator announced: followers see it on the profile and the directory, and are reminded when it starts. */
export const ScheduledLive = z.object({
  id: Id,
  creator: z.object({ id: Id, displayName: z.string(), username: z.string() }),
  title: z.string(),
  startsAt: IsoTime,
  createdAt: IsoTime,
});
export type ScheduledLive = z.infer<typeof ScheduledLive>;

export const CreateScheduledLiveBody = z.strictObject({
  title: cleanText(1, SCHEDULE_TITLE_MAX),
  /** ISO 8601 with a time zone (`2026-12-01T20:00:00Z`, `…+01:00`). */
  startsAt: z.iso.datetime({ offset: true }),
});
export type CreateScheduledLiveBody = z.infer<typeof CreateScheduledLiveBody>;
export const ScheduledLiveReply = z.object({ scheduledLive: ScheduledLive });
export const ScheduledLivesReply = z.object({ scheduledLives: z.array(ScheduledLive) });
export const ScheduledLiveParams = z.object({ id: Id });
export const CreatorParams = z.object({ userId: Id });
