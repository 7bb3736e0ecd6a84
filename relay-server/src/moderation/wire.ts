import type { ModerationLogEntry } from '../../../protocol/chat.js';
import type { BanRecord, ModerationLogRecord, MuteRecord } from '../storage/types.js';

export const toMute = (m: MuteRecord) => ({ sessionId: m.sessionId, userId: m.userId, until: m.until ? m.until.toISOString() : null });

export const toBan = (b: BanRecord) => ({ sessionId: b.sessionId, userId: b.userId, reason: b.reason, createdAt: b.createdAt.toISOString() });

export const toLogEntry = (e: ModerationLogRecord): ModerationLogEntry => ({
  id: e.id,
  sessionId: e.sessionId,
  actorId: e.actorId,
  action: e.action,
  targetUserId: e.targetUserId,
  targetMessageId: e.targetMessageId,
  detail: e.detail,
  createdAt: e.createdAt.toISOString(),
});
