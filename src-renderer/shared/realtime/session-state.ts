/**
 * The pure core of a SessionChannel: what one server event does to the state a page shows. No
 * socket, timer or I/O here, so every rule is unit-tested directly (session-state.test.ts); the
 * channel (session-channel.ts) feeds it events and keeps the outbox, joins and retries.
 */
import type { ReactionCounts, Message } from '../../../protocol/chat.js';
import type { ApiError } from '../../../protocol/common.js';
import type { ServerPayload } from '../../../protocol/events.js';
import type { HlsHealth } from '../../../protocol/hls.js';
import type { Participant, Session } from '../../../protocol/sessions.js';
import { mergeMessages, removePin, upsertPin, withPinned, withoutDelivered, withoutMessage, type PendingMessage } from './chat-log.js';

export type ChannelStatus = 'joining' | 'joined' | 'rejoining' | 'error' | 'left';

/** Everything a page shows about one session; a new object on every change (React-friendly). */
export interface SessionChannelState {
  status: ChannelStatus;
  /** Why joining failed (status `error`), or the last refused action. */
  error: ApiError | null;
  session: Session | null;
  participants: Participant[];
  messages: Message[];
  pending: readonly PendingMessage[];
  pins: Message[];
  reactions: ReactionCounts;
  viewerCount: number;
  /** This user is muted (moderation) / banned in this session. */
  muted: boolean;
  banned: boolean;
  /** Slow mode: seconds a viewer waits between messages (0: off), announced live by `chat:settings`. */
  slowModeSeconds: number;
  /** The live's LL-HLS and recording health: given by every (re-)join, then by `hls:health` as it changes. */
  hlsHealth: HlsHealth;
}

export const initialSessionState = (): SessionChannelState => ({
  status: 'joining',
  error: null,
  session: null,
  participants: [],
  messages: [],
  pending: [],
  pins: [],
  reactions: {},
  viewerCount: 0,
  muted: false,
  banned: false,
  slowModeSeconds: 0,
  hlsHealth: 'ok',
});

/** The server events a session's state follows. */
export const SESSION_STATE_EVENTS = [
  'chat:messages',
  'chat:deleted',
  'chat:pinned',
  'chat:unpinned',
  'chat:reactions',
  'moderation:muted',
  'moderation:unmuted',
  'moderation:banned',
  'session:state',
  'participants:update',
  'viewers:count',
  'chat:settings',
  'hls:health',
] as const;
export type SessionStateEventName = (typeof SESSION_STATE_EVENTS)[number];
export type SessionServerEvent = { [E in SessionStateEventName]: { name: E; payload: ServerPayload<E> } }[SessionStateEventName];

/** Who is looking: moderation aimed at this user changes what the page may do. */
export interface Viewpoint {
  sessionId: string;
  selfId: string | null;
}

/**
 * `state` after `event`, or the very same object when the event changes nothing (another session's
 * event, moderation of someone else, a state change before the session is known).
 */
export function applyServerEvent(state: SessionChannelState, event: SessionServerEvent, me: Viewpoint): SessionChannelState {
  if (event.payload.sessionId !== me.sessionId) return state;
  const patch = (change: Partial<SessionChannelState>): SessionChannelState => ({ ...state, ...change });
  const isSelf = (userId: string) => me.selfId !== null && me.selfId === userId;
  switch (event.name) {
    case 'chat:messages':
      // A broadcast of our own message may overtake its ack: it leaves the outbox either way.
      return patch({ messages: mergeMessages(state.messages, event.payload.messages), pending: withoutDelivered(state.pending, event.payload.messages) });
    case 'chat:deleted':
      return patch({ messages: withoutMessage(state.messages, event.payload.messageId), pins: removePin(state.pins, event.payload.messageId) });
    case 'chat:pinned':
      return patch({ messages: withPinned(state.messages, event.payload.message.id, true), pins: upsertPin(state.pins, event.payload.message) });
    case 'chat:unpinned':
      return patch({ messages: withPinned(state.messages, event.payload.message.id, false), pins: removePin(state.pins, event.payload.message.id) });
    case 'chat:reactions':
      // Only the reactions that changed come with each update.
      return patch({ reactions: { ...state.reactions, ...event.payload.counts } });
    case 'moderation:muted':
      return isSelf(event.payload.userId) ? patch({ muted: true }) : state;
    case 'moderation:unmuted':
      return isSelf(event.payload.userId) ? patch({ muted: false }) : state;
    case 'moderation:banned':
      return isSelf(event.payload.userId) ? patch({ banned: true, status: 'error' }) : state;
    case 'session:state':
      return state.session ? patch({ session: { ...state.session, state: event.payload.state } }) : state;
    case 'participants:update':
      return patch({ participants: event.payload.participants });
    case 'viewers:count':
      return patch({ viewerCount: event.payload.count });
    case 'chat:settings':
      return patch({ slowModeSeconds: event.payload.settings.slowModeSeconds });
    case 'hls:health':
      return patch({ hlsHealth: event.payload.health });
  }
}
