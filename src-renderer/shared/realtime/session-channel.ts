import type { Emoji, ReactionCounts } from '../../../protocol/chat.js';
import { MessageContent } from '../../../protocol/chat.js';
import type { ApiError } from '../../../protocol/common.js';
import { routes } from '../../../protocol/routes.js';
import type { ApiClient } from '../api/client.js';
import type { RelayConnection } from './connection.js';
import { Emitter } from './emitter.js';
import { Outbox, isRetryable, lastMessageId, mergeMessages, newClientMessageId, type PendingMessage } from './chat-log.js';
import { applyServerEvent, initialSessionState, type SessionChannelState, type SessionServerEvent } from './session-state.js';

export type { ChannelStatus, SessionChannelState } from './session-state.js';

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

/**
 * One session seen through the relay socket: joins on every (re)connect with `afterMessageId` = the
 * last message seen (the relay sends exactly what was missed), applies every server event, and keeps
 * an outbox so a message typed while offline is delivered once, when the link is back.
 */
export class SessionChannel {
  private state: SessionChannelState = initialSessionState();
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
      hlsHealth: ack.hlsHealth,
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
    const take = (event: SessionServerEvent) => this.receive(event);
    return [
      c.on('chat:messages', (payload) => take({ name: 'chat:messages', payload })),
      c.on('chat:deleted', (payload) => take({ name: 'chat:deleted', payload })),
      c.on('chat:pinned', (payload) => take({ name: 'chat:pinned', payload })),
      c.on('chat:unpinned', (payload) => take({ name: 'chat:unpinned', payload })),
      c.on('chat:reactions', (payload) => take({ name: 'chat:reactions', payload })),
      c.on('moderation:muted', (payload) => take({ name: 'moderation:muted', payload })),
      c.on('moderation:unmuted', (payload) => take({ name: 'moderation:unmuted', payload })),
      c.on('moderation:banned', (payload) => take({ name: 'moderation:banned', payload })),
      c.on('session:state', (payload) => take({ name: 'session:state', payload })),
      c.on('participants:update', (payload) => take({ name: 'participants:update', payload })),
      c.on('viewers:count', (payload) => take({ name: 'viewers:count', payload })),
      c.on('chat:settings', (payload) => take({ name: 'chat:settings', payload })),
      c.on('hls:health', (payload) => take({ name: 'hls:health', payload })),
    ];
  }

  /** Applies a server event through the pure core; keeps the outbox and the live reaction totals beside it. */
  private receive(event: SessionServerEvent): void {
    if (event.payload.sessionId !== this.sessionId) return;
    if (event.name === 'chat:messages') this.outbox.confirmDelivered(event.payload.messages);
    if (event.name === 'chat:reactions') {
      this.reactionsVersion++;
      this.liveReactions = { ...this.liveReactions, ...event.payload.counts };
    }
    const next = applyServerEvent(this.state, event, { sessionId: this.sessionId, selfId: this.selfId() });
    if (next !== this.state) {
      this.state = next;
      this.events.emit('change', this.state);
    }
    if (event.name === 'chat:reactions' && event.payload.recent.length > 0) this.events.emit('reactions', event.payload.recent);
  }

  private patch(change: Partial<SessionChannelState>): void {
    this.state = { ...this.state, ...change };
    this.events.emit('change', this.state);
  }
}

export function createSessionChannel(options: SessionChannelOptions): SessionChannel {
  return new SessionChannel(options).start();
}
