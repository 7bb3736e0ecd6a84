import type { Emoji, Message, ReactionCounts } from '../../../protocol/chat.js';
import { MessageContent } from '../../../protocol/chat.js';
import type { ApiError } from '../../../protocol/common.js';
import { routes } from '../../../protocol/routes.js';
import type { Participant, Session } from '../../../protocol/sessions.js';
import type { ApiClient } from '../api/client.js';
import type { RelayConnection } from './connection.js';
import { Emitter } from './emitter.js';
import {
  Outbox,
  isRetryable,
  lastMessageId,
  mergeMessages,
  newClientMessageId,
  removePin,
  upsertPin,
  withPinned,
  withoutMessage,
  type PendingMessage,
} from './chat-log.js';

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
}

export interface SessionChannelEvents {
  change: SessionChannelState;
  /** The relay acknowledged a (re-)join: the socket is in the session's room again (signaling may go on). */
  joined: SessionChannelState;
  /** Reactions that just happened, for floating animations. */
  reactions: Array<{ emoji: string; userId: string }>;
}

export interface SessionChannelOptions {
  connection: RelayConnection;
  sessionId: string;
  /** The signed-in user's id (null when anonymous), to recognise moderation aimed at us. */
  getSelfId?: () => string | null;
  /** Delay before retrying a failed join or a rate-limited message. */
  retryDelayMs?: number;
  /**
   * To read the reaction totals on every (re)join: `chat:reactions` only reports changes, so without
   * it a late viewer's counts start at zero.
   */
  api?: Pick<ApiClient, 'call'>;
}

const initialState = (): SessionChannelState => ({
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
});

/**
 * One session seen through the relay socket: joins on every (re)connect with `afterMessageId` = the
 * last message seen (the relay sends exactly what was missed), applies every server event, and keeps
 * an outbox so a message typed while offline is delivered once, when the link is back.
 */
export class SessionChannel {
  private state: SessionChannelState = initialState();
  private readonly events = new Emitter<SessionChannelEvents>();
  private readonly outbox = new Outbox();
  private readonly inflight = new Set<string>();
  private readonly unsubscribers: Array<() => void> = [];
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  /** Bumped by every live `chat:reactions`, so a slower totals read never overwrites newer counts. */
  private reactionsVersion = 0;
  /** Totals heard live since this channel started (each update carries only the reactions that changed). */
  private liveReactions: ReactionCounts = {};

  constructor(private readonly options: SessionChannelOptions) {}

  get sessionId(): string {
    return this.options.sessionId;
  }

  /** Who this page is (null when anonymous): a page's own role decides badges and slow mode. */
  selfId(): string | null {
    return this.options.getSelfId?.() ?? null;
  }

  /** Subscribes to the server events and joins now if connected (else at the next connect). */
  start(): this {
    const { connection } = this.options;
    this.unsubscribers.push(
      connection.onState((s) => {
        if (s === 'connected') void this.join();
        else if (this.state.status === 'joined') this.patch({ status: 'rejoining' });
      }),
      ...this.subscribeServerEvents(),
    );
    if (connection.state === 'connected') void this.join();
    return this;
  }

  getState(): SessionChannelState {
    return this.state;
  }

  on<K extends keyof SessionChannelEvents>(event: K, listener: (payload: SessionChannelEvents[K]) => void): () => void {
    return this.events.on(event, listener);
  }

  /** For React's useSyncExternalStore. */
  readonly subscribe = (listener: () => void): (() => void) => this.events.on('change', listener);
  readonly getSnapshot = (): SessionChannelState => this.state;

  /**
   * Queues a chat message and sends it as soon as the channel is joined; returns its clientMessageId,
   * or null when the text is empty after trimming. It shows in `pending` until the relay stores it.
   */
  send(content: string): string | null {
    const parsed = MessageContent.safeParse(content);
    if (!parsed.success) return null;
    const clientMessageId = newClientMessageId();
    this.outbox.add(clientMessageId, parsed.data);
    this.patch({ pending: this.outbox.list() });
    void this.flush();
    return clientMessageId;
  }

  /** Sends again a message the relay refused (e.g. after being unmuted). */
  retry(clientMessageId: string): void {
    this.outbox.retry(clientMessageId);
    this.patch({ pending: this.outbox.list() });
    void this.flush();
  }

  discard(clientMessageId: string): void {
    this.outbox.discard(clientMessageId);
    this.patch({ pending: this.outbox.list() });
  }

  async react(emoji: Emoji): Promise<ApiError | null> {
    const ack = await this.options.connection.request('chat:react', { sessionId: this.sessionId, emoji });
    return ack.ok ? null : ack.error;
  }

  /** Leaves the room and stops listening. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.unsubscribers.splice(0).forEach((u) => u());
    this.patch({ status: 'left' });
    this.events.clear();
    if (this.options.connection.state === 'connected') {
      await this.options.connection.request('session:leave', { sessionId: this.sessionId });
    }
  }

  private async join(): Promise<void> {
    if (this.stopped) return;
    const afterMessageId = lastMessageId(this.state.messages);
    this.patch({ status: this.state.session ? 'rejoining' : 'joining' });
    const ack = await this.options.connection.request('session:join', {
      sessionId: this.sessionId,
      ...(afterMessageId ? { afterMessageId } : {}),
    });
    if (this.stopped) return;
    if (!ack.ok) {
      if (isRetryable(ack.error)) this.scheduleRetry(() => this.join());
      return this.patch({ status: 'error', error: ack.error, banned: ack.error.code === 'banned' || this.state.banned });
    }
    this.outbox.confirmDelivered(ack.messages);
    this.patch({
      status: 'joined',
      error: null,
      session: ack.session,
      participants: ack.participants,
      // A full (not incremental) reply replaces what we had: something may have been deleted meanwhile.
      messages: afterMessageId ? mergeMessages(this.state.messages, ack.messages) : mergeMessages([], ack.messages),
      pins: ack.pins,
      viewerCount: ack.session.viewerCount,
      pending: this.outbox.list(),
    });
    this.events.emit('joined', this.state);
    void this.seedReactions();
    void this.seedSettings();
    await this.flush();
  }

  /** Reads the reaction totals (missed while away or before arriving); live events stay the newest word. */
  private async seedReactions(): Promise<void> {
    const api = this.options.api;
    if (!api) return;
    const version = this.reactionsVersion;
    try {
      const { counts } = await api.call(routes.reactionCounts, { params: { id: this.sessionId } });
      if (this.stopped) return;
      // Live updates carry only what changed, and are newer than this read for those reactions.
      this.patch({ reactions: version === this.reactionsVersion ? counts : { ...counts, ...this.liveReactions } });
    } catch {
      // Counts are decoration: the next live reaction brings the totals anyway.
    }
  }

  /** Reads slow mode on every (re)join (a change while away came without us); members only, others keep 0. */
  private async seedSettings(): Promise<void> {
    const api = this.options.api;
    if (!api) return;
    try {
      const { settings } = await api.call(routes.chatSettings, { params: { id: this.sessionId } });
      if (!this.stopped) this.patch({ slowModeSeconds: settings.slowModeSeconds });
    } catch {
      // Anonymous readers may not read settings; they cannot send either.
    }
  }

  /** Sends every unacknowledged message, oldest first, one at a time (keeps their order). */
  private async flush(): Promise<void> {
    if (this.state.status !== 'joined') return;
    for (const item of this.outbox.unacked()) {
      if (this.inflight.has(item.clientMessageId)) continue;
      this.inflight.add(item.clientMessageId);
      try {
        await this.deliver(item);
      } finally {
        this.inflight.delete(item.clientMessageId);
      }
      if (this.state.status !== 'joined') return;
    }
  }

  private async deliver(item: PendingMessage): Promise<void> {
    const ack = await this.options.connection.request('chat:send', {
      sessionId: this.sessionId,
      content: item.content,
      clientMessageId: item.clientMessageId,
    });
    if (ack.ok) {
      this.outbox.confirm(item.clientMessageId);
      this.patch({ messages: mergeMessages(this.state.messages, [ack.message]), pending: this.outbox.list() });
      return;
    }
    this.outbox.reject(item.clientMessageId, ack.error);
    this.patch({ pending: this.outbox.list(), error: ack.error, muted: ack.error.code === 'muted' || this.state.muted });
    // Transient refusals wait: a reconnect flushes again; a rate limit retries after a pause.
    if (ack.error.code === 'rate_limited') this.scheduleRetry(() => this.flush());
  }

  private scheduleRetry(run: () => Promise<void>): void {
    if (this.retryTimer || this.stopped) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.options.connection.state === 'connected') void run();
    }, this.options.retryDelayMs ?? 2_000);
  }

  private subscribeServerEvents(): Array<() => void> {
    const c = this.options.connection;
    const mine = (p: { sessionId: string }) => p.sessionId === this.sessionId;
    const isSelf = (userId: string) => this.options.getSelfId?.() === userId;
    return [
      c.on('chat:messages', (p) => {
        if (!mine(p)) return;
        this.outbox.confirmDelivered(p.messages);
        this.patch({ messages: mergeMessages(this.state.messages, p.messages), pending: this.outbox.list() });
      }),
      c.on('chat:deleted', (p) => {
        if (!mine(p)) return;
        this.patch({ messages: withoutMessage(this.state.messages, p.messageId), pins: removePin(this.state.pins, p.messageId) });
      }),
      c.on('chat:pinned', (p) => {
        if (!mine(p)) return;
        this.patch({ messages: withPinned(this.state.messages, p.message.id, true), pins: upsertPin(this.state.pins, p.message) });
      }),
      c.on('chat:unpinned', (p) => {
        if (!mine(p)) return;
        this.patch({ messages: withPinned(this.state.messages, p.message.id, false), pins: removePin(this.state.pins, p.message.id) });
      }),
      c.on('chat:reactions', (p) => {
        if (!mine(p)) return;
        this.reactionsVersion++;
        // Only the reactions that changed come with each update.
        this.liveReactions = { ...this.liveReactions, ...p.counts };
        this.patch({ reactions: { ...this.state.reactions, ...p.counts } });
        if (p.recent.length > 0) this.events.emit('reactions', p.recent);
      }),
      c.on('moderation:muted', (p) => mine(p) && isSelf(p.userId) && this.patch({ muted: true })),
      c.on('moderation:unmuted', (p) => mine(p) && isSelf(p.userId) && this.patch({ muted: false })),
      c.on('moderation:banned', (p) => mine(p) && isSelf(p.userId) && this.patch({ banned: true, status: 'error' })),
      c.on('session:state', (p) => {
        if (!mine(p) || !this.state.session) return;
        this.patch({ session: { ...this.state.session, state: p.state } });
      }),
      c.on('participants:update', (p) => mine(p) && this.patch({ participants: p.participants })),
      c.on('viewers:count', (p) => mine(p) && this.patch({ viewerCount: p.count })),
      c.on('chat:settings', (p) => mine(p) && this.patch({ slowModeSeconds: p.settings.slowModeSeconds })),
    ];
  }

  private patch(change: Partial<SessionChannelState>): void {
    this.state = { ...this.state, ...change };
    this.events.emit('change', this.state);
  }
}

export function createSessionChannel(options: SessionChannelOptions): SessionChannel {
  return new SessionChannel(options).start();
}
