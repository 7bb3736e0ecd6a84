import { z } from 'zod';
import { type Ack, Id } from './common.js';
import { ChatSettings, Message, ReactionCounts, Emoji, ClientMessageId, MessageContent } from './chat.js';
import { Participant, Session, SessionState } from './sessions.js';
import { Invitation } from './invitations.js';
import { GiftEvent, Wallet } from './gifts.js';
import { SignalToClient, SignalToServer } from './signaling.js';
import { HlsHealth, ViewerPaths, ViewerTransport } from './hls.js';
import { FollowerNewEvent } from './follows.js';
import { NotificationNewEvent } from './notifications.js';
import { DestinationPushesReply } from './destinations.js';
import { ChapterTitle } from './replays.js';
import { BackstageHistory, BackstageMessage, BackstageSend, StageSet, StageState } from './stage.js';

/**
 * Client → server events: the payload schema and the shape of a successful acknowledgement.
 * The relay validates every payload with these; clients type their emits from them.
 */
export const clientEvents = {
  'session:join': {
    payload: z.strictObject({ sessionId: Id, afterMessageId: Id.optional() }),
    reply: z.object({
      session: Session,
      participants: z.array(Participant),
      messages: z.array(Message),
      pins: z.array(Message),
      /** The live's LL-HLS and recording health now (later changes come as `hls:health`): a reloaded studio still warns. */
      hlsHealth: HlsHealth,
    }),
  },
  'session:leave': { payload: z.strictObject({ sessionId: Id }), reply: z.object({}) },
  'chat:send': {
    payload: z.strictObject({ sessionId: Id, content: MessageContent, clientMessageId: ClientMessageId }),
    reply: z.object({ message: Message }),
  },
  'chat:react': { payload: z.strictObject({ sessionId: Id, emoji: Emoji }), reply: z.object({}) },
  signal: { payload: SignalToServer, reply: z.object({}) },
  /** Host only: who is on air and who is being counted down; the relay tells the stage, never viewers. */
  'stage:set': { payload: StageSet, reply: z.object({ stage: StageState }) },
  /** Host and stage members: the last word on the stage (after a reload). */
  'stage:get': { payload: BackstageHistory, reply: z.object({ stage: StageState }) },
  /** Host and stage members: a backstage chat line (idempotent on clientMessageId). */
  'backstage:send': { payload: BackstageSend, reply: z.object({ message: BackstageMessage }) },
  /** Host and stage members: the backstage chat so far. */
  'backstage:history': { payload: BackstageHistory, reply: z.object({ messages: z.array(BackstageMessage) }) },
  /** A viewer page in the session's room: the path it plays the live on now (null: not playing). */
  'viewer:transport': { payload: z.strictObject({ sessionId: Id, transport: ViewerTransport.nullable() }), reply: z.object({}) },
  /**
   * Host only, while live: the scene the studio puts on program (once when the live starts, then at each
   * switch); the replay lists them as chapters.
   */
  'live:scene': { payload: z.strictObject({ sessionId: Id, title: ChapterTitle }), reply: z.object({}) },
  /** Host only: viewers per delivery path right now (then `viewers:paths` as they change). */
  'viewers:paths': { payload: z.strictObject({ sessionId: Id }), reply: z.object({ paths: ViewerPaths }) },
} as const;

export type ClientEventName = keyof typeof clientEvents;
export type ClientPayload<E extends ClientEventName> = z.input<(typeof clientEvents)[E]['payload']>;
export type ParsedClientPayload<E extends ClientEventName> = z.output<(typeof clientEvents)[E]['payload']>;
export type ClientReply<E extends ClientEventName> = z.infer<(typeof clientEvents)[E]['reply']>;
export type ClientAck<E extends ClientEventName> = Ack<ClientReply<E>>;

/** Server → client events. */
export const serverEvents = {
  'chat:messages': z.object({ sessionId: Id, messages: z.array(Message) }),
  'chat:deleted': z.object({ sessionId: Id, messageId: Id }),
  'chat:pinned': z.object({ sessionId: Id, message: Message }),
  'chat:unpinned': z.object({ sessionId: Id, message: Message }),
  'chat:reactions': z.object({
    sessionId: Id,
    counts: ReactionCounts,
    recent: z.array(z.object({ emoji: z.string(), userId: Id })),
  }),
  /** A gift sent during the live: everyone in the room draws its animation (combos are drawn by the clients). */
  'gift:sent': GiftEvent,
  /** The user's own wallet changed (a purchase was credited): to that user's sockets only. */
  'wallet:updated': z.object({ wallet: Wallet }),
  'moderation:muted': z.object({ sessionId: Id, userId: Id, until: z.string().nullable().optional() }),
  'moderation:unmuted': z.object({ sessionId: Id, userId: Id }),
  'moderation:banned': z.object({ sessionId: Id, userId: Id }),
  /** Chat settings changed (slow mode…): viewers announce it instead of leaving a message stuck at "Sending…". */
  'chat:settings': z.object({ sessionId: Id, settings: ChatSettings }),
  /** To the host only: the host (on any device) removed this participant; the studio drops their P2P links. */
  'participant:removed': z.object({ sessionId: Id, userId: Id }),
  'session:state': z.object({ sessionId: Id, state: SessionState }),
  'participants:update': z.object({ sessionId: Id, participants: z.array(Participant) }),
  'viewers:count': z.object({ sessionId: Id, count: z.number().int() }),
  /** To the host only: viewers per delivery path (WebRTC from the relay, LL-HLS through the CDN). */
  'viewers:paths': z.object({ sessionId: Id, paths: ViewerPaths }),
  /** To the session's room: the live's LL-HLS stopped or came back (HLS viewers move to WebRTC while it is down). */
  'hls:health': z.object({ sessionId: Id, health: HlsHealth }),
  'invitation:new': z.object({ invitation: Invitation }),
  'invitation:update': z.object({ invitation: Invitation }),
  signal: SignalToClient,
  'stage:state': StageState,
  'backstage:message': z.object({ sessionId: Id, message: BackstageMessage }),
  'follower:new': FollowerNewEvent,
  'notification:new': NotificationNewEvent,
  /** To the host only: where each destination's push stands in their live (connecting, live, failed with the reason and the next retry). */
  'destinations:state': DestinationPushesReply,
} as const;

export type ServerEventName = keyof typeof serverEvents;
export type ServerPayload<E extends ServerEventName> = z.infer<(typeof serverEvents)[E]>;

/** Socket.io typings derived from the maps above: payloads arrive as `unknown` and are parsed. */
export type ClientToServerEvents = {
  [E in ClientEventName]: (payload: ClientPayload<E>, ack: (reply: ClientAck<E>) => void) => void;
};
export type ServerToClientEvents = {
  [E in ServerEventName]: (payload: ServerPayload<E>) => void;
};
