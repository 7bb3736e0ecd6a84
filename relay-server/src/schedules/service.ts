import { randomUUID } from 'node:crypto';
import type { CreateScheduledLiveBody, ScheduledLive } from '../../../protocol/notifications.js';
import { SCHEDULE_MAX_AHEAD_DAYS, SCHEDULE_MAX_UPCOMING } from '../../../protocol/notifications.js';
import type { Actor } from '../core/actor.js';
import { fail } from '../core/errors.js';
import type { ModuleContext } from '../core/module.js';
import { requireActor } from '../sessions/access.js';
import type { ScheduledLiveRecord, SessionRecord, UserRecord } from '../storage/types.js';

export type SchedulesService = ReturnType<typeof createSchedulesService>;

/** Going live this long before the announced time keeps the appointment (followers get "live now", no second reminder). */
export const EARLY_WINDOW_MS = 30 * 60_000;
const DAY_MS = 24 * 60 * 60_000;
const LISTED = 50;
const DUE_BATCH = 100;

/** Scheduled lives: announcements, their lists, and the reminder when one begins. */
export function createSchedulesService(ctx: ModuleContext) {
  const { storage, clock, logger } = ctx;

  async function present(records: ScheduledLiveRecord[]): Promise<ScheduledLive[]> {
    const creators = new Map<string, UserRecord>((await storage.users.findManyByIds([...new Set(records.map((r) => r.creatorId))])).map((u) => [u.id, u]));
    return records.map((r) => {
      const creator = creators.get(r.creatorId);
      return {
        id: r.id,
        creator: { id: r.creatorId, displayName: creator?.displayName ?? '', username: creator?.username ?? '' },
        title: r.title,
        startsAt: r.startsAt.toISOString(),
        createdAt: r.createdAt.toISOString(),
      };
    });
  }

  async function schedule(caller: Actor | null, body: CreateScheduledLiveBody): Promise<ScheduledLive> {
    const actor = requireActor(caller);
    const user = await storage.users.findById(actor.userId);
    if (!user || user.kind !== 'account') throw fail.forbidden('Sign up to announce lives');
    const now = clock();
    const startsAt = new Date(body.startsAt);
    if (startsAt.getTime() <= now.getTime()) throw fail.invalidInput('The time has passed: choose a time to come', { field: 'startsAt', reason: 'past' });
    if (startsAt.getTime() > now.getTime() + SCHEDULE_MAX_AHEAD_DAYS * DAY_MS) {
      throw fail.invalidInput(`At most ${SCHEDULE_MAX_AHEAD_DAYS} days ahead`, { field: 'startsAt', reason: 'too_far' });
    }
    const upcoming = await storage.scheduledLives.upcomingOf(actor.userId, SCHEDULE_MAX_UPCOMING);
    if (upcoming.length >= SCHEDULE_MAX_UPCOMING) throw fail.invalidInput(`At most ${SCHEDULE_MAX_UPCOMING} announced lives at once`, { reason: 'too_many' });
    const record: ScheduledLiveRecord = { id: randomUUID(), creatorId: actor.userId, title: body.title, startsAt, createdAt: now, sessionId: null, remindedAt: null };
    await storage.scheduledLives.insert(record);
    const [shown] = await present([record]);
    if (!shown) throw new Error('unreachable: one record presents as one');
    return shown;
  }

  async function cancel(caller: Actor | null, id: string): Promise<void> {
    const actor = requireActor(caller);
    const record = await storage.scheduledLives.find(id);
    if (!record) throw fail.notFound('Scheduled live');
    if (record.creatorId !== actor.userId) throw fail.forbidden('Only its creator may withdraw an announcement');
    await storage.scheduledLives.remove(id, actor.userId);
  }

  /** Tells the creator's followers that an announced live begins (once: the claim decides which node). */
  async function remind(record: ScheduledLiveRecord, at: Date): Promise<boolean> {
    // A live already on (started early, outside the window) is where the reminder leads.
    const [live] = await storage.sessions.listByHost(record.creatorId, ['live'], 1);
    const sessionId = live?.isPublic ? live.id : null;
    if (!(await storage.scheduledLives.claimReminder(record.id, at, sessionId))) return false;
    await ctx.services.get('notifications').tellFollowers({
      id: `scheduled:${record.id}`,
      kind: 'scheduled',
      creatorId: record.creatorId,
      sessionId,
      title: record.title,
      startsAt: record.startsAt,
      createdAt: at,
      readAt: null,
    });
    return true;
  }

  /** Reminds every announcement whose time has come; returns how many this node reminded. */
  async function remindDue(): Promise<number> {
    const now = clock();
    let reminded = 0;
    for (const record of await storage.scheduledLives.due(now, DUE_BATCH)) if (await remind(record, now)) reminded++;
    return reminded;
  }

  /**
   * A public live started: an announcement of this creator due within EARLY_WINDOW_MS is kept by it.
   * Its followers hear "live now" from the live itself; the announcement needs no reminder of its own.
   */
  async function sessionWentLive(session: SessionRecord): Promise<void> {
    if (!session.isPublic) return;
    const now = clock();
    for (const record of await storage.scheduledLives.upcomingOf(session.hostId, SCHEDULE_MAX_UPCOMING)) {
      if (record.startsAt.getTime() - now.getTime() > EARLY_WINDOW_MS) break;
      await storage.scheduledLives.claimReminder(record.id, now, session.id);
    }
  }

  return {
    schedule,
    cancel,
    list: async () => present(await storage.scheduledLives.upcoming(clock(), LISTED)),
    listOf: async (creatorId: string) => present(await storage.scheduledLives.upcomingOf(creatorId, SCHEDULE_MAX_UPCOMING)),
    remindDue,
    sessionWentLive,
    /** The sweeper's tick: failures are logged, the next tick tries again. */
    tick: () => remindDue().catch((err: unknown) => logger.error({ err }, 'scheduled-live reminders failed')),
  };
}
