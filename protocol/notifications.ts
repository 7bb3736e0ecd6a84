import { z } from 'zod';
import { Id, IsoTime } from './common.js';

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
