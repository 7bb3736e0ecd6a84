/**
 * Row ↔ record mapping shared by both dialects. Both schemas store times as integer milliseconds
 * since the epoch (exact to the millisecond everywhere) and use the same property names, so one
 * set of row types describes what either dialect's `select()` returns.
 */
import { z } from 'zod';
import type {
  BanRecord,
  ChatSettingsRecord,
  GiftRecord,
  FollowRecord,
  NotificationRecord,
  ScheduledLiveRecord,
  InvitationRecord,
  IngestDefaultsRecord,
  InviteLinkRecord,
  MessageRecord,
  ModerationLogRecord,
  MuteRecord,
  ParticipantRecord,
  PaymentRecord,
  ProfileRecord,
  SessionRecord,
  StreamKeyRecord,
  AccountSettingRecord,
  DestinationRecord,
  RecordingPatch,
  RecordingRecord,
  UserRecord,
} from '../types.js';

export const toMs = (date: Date): number => date.getTime();
export const toMsOrNull = (date: Date | null): number | null => (date === null ? null : date.getTime());
export const toDate = (ms: number): Date => new Date(ms);
export const toDateOrNull = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

export type UserRow = Omit<UserRecord, 'createdAt'> & { createdAt: number };
export const userFromRow = (row: UserRow): UserRecord => ({ ...row, createdAt: toDate(row.createdAt) });
export const userToRow = (user: UserRecord): UserRow => ({ ...user, createdAt: toMs(user.createdAt) });

type SessionTimes = 'createdAt' | 'startedAt' | 'endedAt';
export type SessionRow = Omit<SessionRecord, SessionTimes> & { createdAt: number; startedAt: number | null; endedAt: number | null };
export const sessionFromRow = (row: SessionRow): SessionRecord => ({
  ...row,
  createdAt: toDate(row.createdAt),
  startedAt: toDateOrNull(row.startedAt),
  endedAt: toDateOrNull(row.endedAt),
});
export const sessionToRow = (session: SessionRecord): SessionRow => ({
  ...session,
  createdAt: toMs(session.createdAt),
  startedAt: toMsOrNull(session.startedAt),
  endedAt: toMsOrNull(session.endedAt),
});

/** The columns a session transition may set, as stored. */
export function sessionPatchToRow(patch: Partial<Pick<SessionRecord, 'state' | 'startedAt' | 'endedAt'>>): Partial<SessionRow> {
  const row: Partial<SessionRow> = {};
  if (patch.state !== undefined) row.state = patch.state;
  if (patch.startedAt !== undefined) row.startedAt = toMsOrNull(patch.startedAt);
  if (patch.endedAt !== undefined) row.endedAt = toMsOrNull(patch.endedAt);
  return row;
}

export type ParticipantRow = Omit<ParticipantRecord, 'joinedAt' | 'leftAt'> & { joinedAt: number; leftAt: number | null };
export const participantFromRow = (row: ParticipantRow): ParticipantRecord => ({
  ...row,
  joinedAt: toDate(row.joinedAt),
  leftAt: toDateOrNull(row.leftAt),
});
export const participantToRow = (p: ParticipantRecord): ParticipantRow => ({
  ...p,
  joinedAt: toMs(p.joinedAt),
  leftAt: toMsOrNull(p.leftAt),
});

export type ParticipantPatch = Partial<
  Pick<ParticipantRecord, 'role' | 'audioEnabled' | 'videoEnabled' | 'audioForcedOff' | 'videoForcedOff' | 'leftAt'>
>;
export function participantPatchToRow(patch: ParticipantPatch): Partial<ParticipantRow> {
  const { leftAt, ...flags } = patch;
  return leftAt === undefined ? flags : { ...flags, leftAt: toMsOrNull(leftAt) };
}

/**
 * `pendingMarker` is true while the invitation is pending and null afterwards: a unique key over
 * (sessionId, toUserId, pendingMarker) then allows one pending invitation per invitee, because
 * NULLs never collide in a unique index on MySQL or SQLite.
 */
export type InvitationRow = Omit<InvitationRecord, 'createdAt' | 'expiresAt'> & {
  createdAt: number;
  expiresAt: number;
  pendingMarker: boolean | null;
};
export const pendingMarkerFor = (status: InvitationRecord['status']): true | null => (status === 'pending' ? true : null);
export const invitationFromRow = ({ pendingMarker: _marker, ...row }: InvitationRow): InvitationRecord => ({
  ...row,
  createdAt: toDate(row.createdAt),
  expiresAt: toDate(row.expiresAt),
});
export const invitationToRow = (inv: InvitationRecord): InvitationRow => ({
  ...inv,
  createdAt: toMs(inv.createdAt),
  expiresAt: toMs(inv.expiresAt),
  pendingMarker: pendingMarkerFor(inv.status),
});

export type InviteLinkRow = Omit<InviteLinkRecord, 'createdAt' | 'expiresAt' | 'role'> & { createdAt: number; expiresAt: number; role: InviteLinkRecord['role'] | null };
/** Links made before viewer links existed have no role: they were guest links. */
export const inviteLinkFromRow = (row: InviteLinkRow): InviteLinkRecord => ({
  ...row,
  role: row.role ?? 'guest',
  createdAt: toDate(row.createdAt),
  expiresAt: toDate(row.expiresAt),
});
export const inviteLinkToRow = (link: InviteLinkRecord): InviteLinkRow => ({
  ...link,
  createdAt: toMs(link.createdAt),
  expiresAt: toMs(link.expiresAt),
});

export type MessageRow = Omit<MessageRecord, 'createdAt' | 'deletedAt'> & { createdAt: number; deletedAt: number | null };
export const messageFromRow = (row: MessageRow): MessageRecord => ({
  ...row,
  createdAt: toDate(row.createdAt),
  deletedAt: toDateOrNull(row.deletedAt),
});
export type NewMessageRow = Omit<MessageRow, 'seq' | 'pinned' | 'deletedAt'>;
export const newMessageToRow = (m: Omit<MessageRecord, 'seq' | 'pinned' | 'deletedAt'>): NewMessageRow => ({
  id: m.id,
  sessionId: m.sessionId,
  userId: m.userId,
  displayName: m.displayName,
  content: m.content,
  type: m.type,
  clientMessageId: m.clientMessageId,
  createdAt: toMs(m.createdAt),
});

export type MuteRow = Omit<MuteRecord, 'until' | 'createdAt'> & { until: number | null; createdAt: number };
export const muteFromRow = (row: MuteRow): MuteRecord => ({ ...row, until: toDateOrNull(row.until), createdAt: toDate(row.createdAt) });
export const muteToRow = (m: MuteRecord): MuteRow => ({ ...m, until: toMsOrNull(m.until), createdAt: toMs(m.createdAt) });

export type BanRow = Omit<BanRecord, 'createdAt'> & { createdAt: number };
export const banFromRow = (row: BanRow): BanRecord => ({ ...row, createdAt: toDate(row.createdAt) });
export const banToRow = (b: BanRecord): BanRow => ({ ...b, createdAt: toMs(b.createdAt) });

const BlockedTerms = z.array(z.string());
export type ChatSettingsRow = Omit<ChatSettingsRecord, 'blockedTerms'> & { blockedTerms: string };
export function chatSettingsFromRow(row: ChatSettingsRow): ChatSettingsRecord {
  let parsed: unknown;
  try {
    parsed = JSON.parse(row.blockedTerms);
  } catch {
    parsed = [];
  }
  const terms = BlockedTerms.safeParse(parsed);
  return { ...row, blockedTerms: terms.success ? terms.data : [] };
}
export const chatSettingsToRow = (s: ChatSettingsRecord): ChatSettingsRow => ({ ...s, blockedTerms: JSON.stringify(s.blockedTerms) });

export type ModerationLogRow = Omit<ModerationLogRecord, 'createdAt'> & { createdAt: number };
/** The stored row also carries `seq`, the insertion order the log is listed in. */
export const moderationLogFromRow = ({ seq: _seq, ...row }: ModerationLogRow & { seq: number }): ModerationLogRecord => ({
  ...row,
  createdAt: toDate(row.createdAt),
});
export const moderationLogToRow = (e: ModerationLogRecord): ModerationLogRow => ({ ...e, createdAt: toMs(e.createdAt) });

/**
 * Bounds for an exact, case-sensitive prefix match that can use the username index:
 * every string starting with `prefix` sorts at or after `prefix` and before `prefix` + U+10FFFF
 * (both dialects compare binary UTF-8 / code points here).
 */
export function prefixBounds(prefix: string): { low: string; high: string; length: number } {
  return { low: prefix, high: `${prefix}\u{10FFFF}`, length: [...prefix].length };
}

export type StreamKeyRow = Omit<StreamKeyRecord, 'createdAt' | 'lastUsedAt' | 'revokedAt'> & { createdAt: number; lastUsedAt: number | null; revokedAt: number | null };
export const streamKeyFromRow = (row: StreamKeyRow): StreamKeyRecord => ({
  ...row,
  createdAt: toDate(row.createdAt),
  lastUsedAt: toDateOrNull(row.lastUsedAt),
  revokedAt: toDateOrNull(row.revokedAt),
});
export const streamKeyToRow = (key: StreamKeyRecord): StreamKeyRow => ({
  ...key,
  createdAt: toMs(key.createdAt),
  lastUsedAt: toMsOrNull(key.lastUsedAt),
  revokedAt: toMsOrNull(key.revokedAt),
});

export type IngestDefaultsRow = Omit<IngestDefaultsRecord, 'updatedAt'> & { updatedAt: number };
export const ingestDefaultsFromRow = (row: IngestDefaultsRow): IngestDefaultsRecord => ({ ...row, updatedAt: toDate(row.updatedAt) });
export const ingestDefaultsToRow = (d: IngestDefaultsRecord): IngestDefaultsRow => ({ ...d, updatedAt: toMs(d.updatedAt) });

export interface AccountSettingRow {
  userId: string;
  name: string;
  value: string;
  updatedAt: number;
}
/** A value that is not JSON (hand-edited row) reads as null: the caller's schema then drops it. */
export const accountSettingFromRow = (row: AccountSettingRow): AccountSettingRecord => {
  let value: unknown = null;
  try {
    value = JSON.parse(row.value);
  } catch {
    value = null;
  }
  return { ...row, value, updatedAt: toDate(row.updatedAt) };
};
export const accountSettingToRow = (s: AccountSettingRecord): AccountSettingRow => ({
  ...s,
  value: JSON.stringify(s.value),
  updatedAt: toMs(s.updatedAt),
});

export type GiftRow = Omit<GiftRecord, 'createdAt'> & { createdAt: number };
export const giftFromRow = (row: GiftRow): GiftRecord => ({ ...row, createdAt: toDate(row.createdAt) });
export const giftToRow = (gift: GiftRecord): GiftRow => ({ ...gift, createdAt: toMs(gift.createdAt) });

export type PaymentRow = Omit<PaymentRecord, 'createdAt'> & { createdAt: number };
export const paymentFromRow = (row: PaymentRow): PaymentRecord => ({ ...row, createdAt: toDate(row.createdAt) });
export const paymentToRow = (payment: PaymentRecord): PaymentRow => ({ ...payment, createdAt: toMs(payment.createdAt) });
export type FollowRow = Omit<FollowRecord, 'createdAt'> & { createdAt: number };
export const followFromRow = (row: FollowRow): FollowRecord => ({ ...row, createdAt: toDate(row.createdAt) });
export const followToRow = (follow: FollowRecord): FollowRow => ({ ...follow, createdAt: toMs(follow.createdAt) });

export type ProfileRow = Omit<ProfileRecord, 'avatarUpdatedAt'> & { avatarUpdatedAt: number | null };
export const profileFromRow = (row: ProfileRow): ProfileRecord => ({ ...row, avatarUpdatedAt: toDateOrNull(row.avatarUpdatedAt) });
export const profileToRow = (profile: ProfileRecord): ProfileRow => ({ ...profile, avatarUpdatedAt: toMsOrNull(profile.avatarUpdatedAt) });

type ScheduledTimes = 'startsAt' | 'createdAt' | 'remindedAt';
export type ScheduledLiveRow = Omit<ScheduledLiveRecord, ScheduledTimes> & { startsAt: number; createdAt: number; remindedAt: number | null };
export const scheduledLiveFromRow = (row: ScheduledLiveRow): ScheduledLiveRecord => ({
  ...row,
  startsAt: toDate(row.startsAt),
  createdAt: toDate(row.createdAt),
  remindedAt: toDateOrNull(row.remindedAt),
});
export const scheduledLiveToRow = (r: ScheduledLiveRecord): ScheduledLiveRow => ({
  ...r,
  startsAt: toMs(r.startsAt),
  createdAt: toMs(r.createdAt),
  remindedAt: toMsOrNull(r.remindedAt),
});

type NotificationTimes = 'startsAt' | 'createdAt' | 'readAt';
export type NotificationRow = Omit<NotificationRecord, NotificationTimes> & { startsAt: number | null; createdAt: number; readAt: number | null };
export const notificationFromRow = (row: NotificationRow): NotificationRecord => ({
  ...row,
  startsAt: toDateOrNull(row.startsAt),
  createdAt: toDate(row.createdAt),
  readAt: toDateOrNull(row.readAt),
});
export const notificationToRow = (n: NotificationRecord): NotificationRow => ({
  ...n,
  startsAt: toMsOrNull(n.startsAt),
  createdAt: toMs(n.createdAt),
  readAt: toMsOrNull(n.readAt),
});

export type DestinationRow = Omit<DestinationRecord, 'createdAt' | 'updatedAt'> & { createdAt: number; updatedAt: number };
export const destinationFromRow = (row: DestinationRow): DestinationRecord => ({ ...row, createdAt: toDate(row.createdAt), updatedAt: toDate(row.updatedAt) });
export const destinationToRow = (d: DestinationRecord): DestinationRow => ({ ...d, createdAt: toMs(d.createdAt), updatedAt: toMs(d.updatedAt) });
type RecordingTimes = 'createdAt' | 'startedAt' | 'finishedAt';
export type RecordingRow = Omit<RecordingRecord, RecordingTimes> & { createdAt: number; startedAt: number | null; finishedAt: number | null };
export const recordingFromRow = (row: RecordingRow): RecordingRecord => ({
  ...row,
  createdAt: toDate(row.createdAt),
  startedAt: toDateOrNull(row.startedAt),
  finishedAt: toDateOrNull(row.finishedAt),
});
export const recordingToRow = (recording: RecordingRecord): RecordingRow => ({
  ...recording,
  createdAt: toMs(recording.createdAt),
  startedAt: toMsOrNull(recording.startedAt),
  finishedAt: toMsOrNull(recording.finishedAt),
});
export function recordingPatchToRow(patch: RecordingPatch): Partial<RecordingRow> {
  const { startedAt, finishedAt, ...rest } = patch;
  return {
    ...rest,
    ...(startedAt === undefined ? {} : { startedAt: toMsOrNull(startedAt) }),
    ...(finishedAt === undefined ? {} : { finishedAt: toMsOrNull(finishedAt) }),
  };
}
