import type { Notification, NotificationsReply } from '../../../protocol/notifications.js';
import { NOTIFICATIONS_PAGE } from '../../../protocol/notifications.js';
import type { Actor } from '../core/actor.js';
import type { ModuleContext } from '../core/module.js';
import { requireActor } from '../sessions/access.js';
import type { NotificationRecord, SessionRecord, UserRecord } from '../storage/types.js';
import { createFanOut, type FanOutProgress } from './fan-out.js';

export type NotificationsService = ReturnType<typeof createNotificationsService>;

function toWire(record: Omit<NotificationRecord, 'userId'>, creator: UserRecord | undefined): Notification {
  return {
    id: record.id,
    kind: record.kind,
    creator: { id: record.creatorId, displayName: creator?.displayName ?? '', username: creator?.username ?? '' },
    sessionId: record.sessionId,
    title: record.title,
    startsAt: record.startsAt?.toISOString() ?? null,
    createdAt: record.createdAt.toISOString(),
    read: record.readAt !== null,
  };
}

/** The notification centre and the fan-out of "went live" to followers. */
export function createNotificationsService(ctx: ModuleContext, options: { batchSize?: number } = {}) {
  const { storage, clock } = ctx;
  const fanOut = createFanOut({ storage, notifier: ctx.notifier, logger: ctx.logger, batchSize: options.batchSize });

  /** Tells the followers of `creatorId` (not those who muted them) about one event. */
  async function tellFollowers(template: Omit<NotificationRecord, 'userId'>): Promise<FanOutProgress> {
    const creator = (await storage.users.findById(template.creatorId)) ?? undefined;
    return fanOut.start(template.creatorId, template, toWire(template, creator));
  }

  /** A public live started: its host's followers hear of it. Private lives tell nobody. */
  async function sessionWentLive(session: SessionRecord): Promise<FanOutProgress | null> {
    if (!session.isPublic) return null;
    // A live near an announced time keeps that appointment: its "live now" is the reminder.
    if (ctx.services.has('schedules')) await ctx.services.get('schedules').sessionWentLive(session);
    return tellFollowers({
      id: `live:${session.id}`,
      kind: 'live',
      creatorId: session.hostId,
      sessionId: session.id,
      title: session.title,
      startsAt: session.startedAt,
      createdAt: clock(),
      readAt: null,
    });
  }

  async function list(caller: Actor | null): Promise<NotificationsReply> {
    const actor = requireActor(caller);
    const [records, unreadCount] = await Promise.all([
      storage.notifications.listForUser(actor.userId, NOTIFICATIONS_PAGE),
      storage.notifications.unreadCount(actor.userId),
    ]);
    const creators = new Map((await storage.users.findManyByIds([...new Set(records.map((r) => r.creatorId))])).map((u) => [u.id, u]));
    return { notifications: records.map((r) => toWire(r, creators.get(r.creatorId))), unreadCount };
  }

  async function markRead(caller: Actor | null, ids: string[] | undefined): Promise<number> {
    const actor = requireActor(caller);
    await storage.notifications.markRead(actor.userId, ids ?? null, clock());
    return storage.notifications.unreadCount(actor.userId);
  }

  return { sessionWentLive, tellFollowers, list, markRead, stop: () => fanOut.stop() };
}
