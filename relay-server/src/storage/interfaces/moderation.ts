/** Mutes, bans, chat settings and the moderation log. */

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
