import { z } from 'zod';
import { Id, IsoTime, cleanText } from './common.js';

export const MESSAGE_MAX_LENGTH = 500;
export const MessageType = z.enum(['text', 'system']);
export const Message = z.object({
  id: Id,
  sessionId: Id,
  userId: Id,
  displayName: z.string(),
  content: z.string(),
  type: MessageType,
  clientMessageId: z.string().nullable(),
  pinned: z.boolean(),
  createdAt: IsoTime,
  /** Storage order, strictly increasing per relay database: clients order and resync by it (several relay nodes can deliver out of order). */
  seq: z.number().int(),
});
export type Message = z.infer<typeof Message>;

/** A chat message: cleanString (controls and invisible characters out), 1 to 500 characters. */
export const MessageContent = cleanText(1, MESSAGE_MAX_LENGTH);
export const ClientMessageId = z.string().min(8).max(64);

export const SendMessageBody = z.strictObject({
  content: MessageContent,
  type: z.literal('text').optional(),
  clientMessageId: ClientMessageId.optional(),
});
export type SendMessageBody = z.infer<typeof SendMessageBody>;
export const MessageReply = z.object({ message: Message });
export const MessagesReply = z.object({ messages: z.array(Message) });
export const MessagesQuery = z.strictObject({
  before: Id.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const MessageParams = z.object({ id: Id, messageId: Id });

/**
 * The reactions viewers can send: a fixed set, as on TikTok LIVE and YouTube (a handful of buttons),
 * so the per-session tally cannot be grown without bound with crafted graphemes. The viewer page's bar
 * shows exactly these.
 */
export const REACTIONS = ['❤️', '👏', '😂', '🔥', '🎉', '👍'] as const;
export const Emoji = z.enum(REACTIONS, { error: `one of ${REACTIONS.join(' ')}` });
export type Emoji = z.infer<typeof Emoji>;
export const ReactionBody = z.strictObject({ emoji: Emoji });
/** Totals per reaction. In `chat:reactions` only the reactions that changed (merge into what you have). */
export const ReactionCounts = z.record(z.string(), z.number().int());
export type ReactionCounts = z.infer<typeof ReactionCounts>;
export const ReactionCountsReply = z.object({ counts: ReactionCounts });

export const MuteBody = z.strictObject({ userId: Id, durationSeconds: z.number().int().min(1).max(604800).optional() });
export const BanBody = z.strictObject({
  userId: Id,
  reason: cleanText(0, 280).optional(),
  /** Also delete every message the person sent in this session (viewers see them disappear). */
  removeMessages: z.boolean().optional(),
});
export const Mute = z.object({ sessionId: Id, userId: Id, until: IsoTime.nullable() });
export const MuteReply = z.object({ mute: Mute });
export const Ban = z.object({ sessionId: Id, userId: Id, reason: z.string().nullable(), createdAt: IsoTime });
export const BanReply = z.object({ ban: Ban, removedMessages: z.number().int().optional() });
/** Who is muted (until when) and banned (why) in a session, with names: the studio's people drawer. */
export const RestrictedPerson = z.object({ userId: Id, displayName: z.string(), by: Id, since: IsoTime });
export const ModerationPeopleReply = z.object({
  mutes: z.array(RestrictedPerson.extend({ until: IsoTime.nullable() })),
  bans: z.array(RestrictedPerson.extend({ reason: z.string().nullable() })),
});
export type ModerationPeopleReply = z.infer<typeof ModerationPeopleReply>;

export const ChatStats = z.object({
  messageCount: z.number().int(),
  activeChatters: z.number().int(),
  messagesPerMinute: z.number(),
  reactionCount: z.number().int(),
  mutedCount: z.number().int(),
  bannedCount: z.number().int(),
});
/** Longest minimum follow age a followers-only chat may ask for: 3 months. */
export const FOLLOWERS_ONLY_MAX_MINUTES = 129_600;
export const ChatSettings = z.object({
  slowModeSeconds: z.number().int().min(0).max(600),
  blockedTerms: z.array(z.string()),
  followersOnly: z.boolean(),
  /** With followersOnly: how long someone must have followed the host before they may chat (as on Twitch). */
  followersOnlyMinutes: z.number().int().min(0).max(FOLLOWERS_ONLY_MAX_MINUTES),
});
export type ChatSettings = z.infer<typeof ChatSettings>;
export const ChatSettingsReply = z.object({ settings: ChatSettings });
export const UpdateChatSettingsBody = z.strictObject({
  slowModeSeconds: z.number().int().min(0).max(600).optional(),
  blockedTerms: z.array(cleanText(1, 64)).max(200).optional(),
  followersOnly: z.boolean().optional(),
  followersOnlyMinutes: z.number().int().min(0).max(FOLLOWERS_ONLY_MAX_MINUTES).optional(),
});

export const ModerationAction = z.enum(['pin', 'unpin', 'delete', 'mute', 'unmute', 'ban', 'unban', 'settings', 'role']);
export const ModerationLogEntry = z.object({
  id: Id,
  sessionId: Id,
  actorId: Id,
  action: ModerationAction,
  targetUserId: Id.nullable(),
  targetMessageId: Id.nullable(),
  detail: z.string().nullable(),
  createdAt: IsoTime,
});
export type ModerationLogEntry = z.infer<typeof ModerationLogEntry>;
export const ModerationLogReply = z.object({ entries: z.array(ModerationLogEntry) });
