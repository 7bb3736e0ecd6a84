import { and, asc, desc, eq } from 'drizzle-orm';
import type { ModerationRepo } from '../types.js';
import type { Dialect } from '../dialect.js';
import {
  banFromRow,
  banToRow,
  chatSettingsFromRow,
  chatSettingsToRow,
  moderationLogFromRow,
  moderationLogToRow,
  muteFromRow,
  muteToRow,
} from '../shared/rows.js';

export function moderationRepo(d: Dialect): ModerationRepo {
  const { db } = d;
  const { mutes, bans, chatSettings, moderationLog } = d.t;
  const muteKey = (sessionId: string, userId: string) => and(eq(mutes.sessionId, sessionId), eq(mutes.userId, userId));
  const banKey = (sessionId: string, userId: string) => and(eq(bans.sessionId, sessionId), eq(bans.userId, userId));

  return {
    async upsertMute(mute) {
      const { sessionId: _s, userId: _u, ...rest } = muteToRow(mute);
      await d.upsert(mutes, muteToRow(mute), [mutes.sessionId, mutes.userId], rest);
      return mute;
    },
    async removeMute(sessionId, userId) {
      return (await d.delete(mutes, muteKey(sessionId, userId))) > 0;
    },
    async findMute(sessionId, userId) {
      const [row] = await db.select().from(mutes).where(muteKey(sessionId, userId));
      return row ? muteFromRow(row) : null;
    },
    async listMutes(sessionId) {
      const rows = await db
        .select()
        .from(mutes)
        .where(eq(mutes.sessionId, sessionId))
        .orderBy(asc(mutes.createdAt), asc(mutes.userId));
      return rows.map(muteFromRow);
    },
    async upsertBan(ban) {
      const { sessionId: _s, userId: _u, ...rest } = banToRow(ban);
      await d.upsert(bans, banToRow(ban), [bans.sessionId, bans.userId], rest);
      return ban;
    },
    async removeBan(sessionId, userId) {
      return (await d.delete(bans, banKey(sessionId, userId))) > 0;
    },
    async findBan(sessionId, userId) {
      const [row] = await db.select().from(bans).where(banKey(sessionId, userId));
      return row ? banFromRow(row) : null;
    },
    async listBans(sessionId) {
      const rows = await db
        .select()
        .from(bans)
        .where(eq(bans.sessionId, sessionId))
        .orderBy(asc(bans.createdAt), asc(bans.userId));
      return rows.map(banFromRow);
    },
    async getSettings(sessionId) {
      const [row] = await db.select().from(chatSettings).where(eq(chatSettings.sessionId, sessionId));
      return row ? chatSettingsFromRow(row) : null;
    },
    async putSettings(settings) {
      const { sessionId: _s, ...rest } = chatSettingsToRow(settings);
      await d.upsert(chatSettings, chatSettingsToRow(settings), [chatSettings.sessionId], rest);
      return settings;
    },
    async appendLog(entry) {
      await db.insert(moderationLog).values(moderationLogToRow(entry));
    },
    async listLog(sessionId, limit) {
      const rows = await db
        .select()
        .from(moderationLog)
        .where(eq(moderationLog.sessionId, sessionId))
        .orderBy(desc(moderationLog.seq))
        .limit(limit);
      return rows.map(moderationLogFromRow);
    },
  };
}
