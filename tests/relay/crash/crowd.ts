/**
 * Clients that behave as the studio and viewer pages must: senders resend with the same
 * clientMessageId until acknowledged; viewers rejoin with the last message they saw after every
 * reconnect and keep each message once, in order.
 */
import { io as connect, type Socket } from 'socket.io-client';
import type { Message } from '../../../protocol/chat.js';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../protocol/events.js';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const socketOptions = (token?: string) => ({
  auth: token ? { token } : {},
  transports: ['websocket'],
  forceNew: true,
  reconnectionDelay: 100,
  reconnectionDelayMax: 500,
  randomizationFactor: 0,
});

export interface Acked {
  userId: string;
  clientMessageId: string;
  message: Message;
}

/** One sender: `rate` messages per second until stopped, each resent until acked. */
export class Sender {
  readonly acked: Acked[] = [];
  attempts = 0;
  /** Connections lost to the relay going away (not our own close). */
  drops = 0;
  private readonly socket: ClientSocket;
  private running = true;
  private loop: Promise<void> = Promise.resolve();

  constructor(
    url: string,
    private readonly token: string,
    private readonly userId: string,
    private readonly sessionId: string,
    private readonly rate: number,
  ) {
    this.socket = connect(url, socketOptions(token));
    this.socket.on('disconnect', (reason) => {
      if (reason !== 'io client disconnect') this.drops++;
    });
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  start(): void {
    this.loop = this.run();
  }

  /** Stops creating messages; resolves when the last one is acked. */
  async finish(): Promise<void> {
    this.running = false;
    await this.loop;
    this.socket.close();
  }

  private async run(): Promise<void> {
    let n = 0;
    while (this.running) {
      const startedAt = Date.now();
      const clientMessageId = `${this.userId.slice(0, 12)}-${n++}-${startedAt}`;
      const message = await this.sendUntilAcked(clientMessageId, `message ${n} from ${this.userId}`);
      this.acked.push({ userId: this.userId, clientMessageId, message });
      const wait = 1000 / this.rate - (Date.now() - startedAt);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  }

  private async sendUntilAcked(clientMessageId: string, content: string): Promise<Message> {
    for (;;) {
      this.attempts++;
      try {
        const ack = await this.socket.timeout(2000).emitWithAck('chat:send', { sessionId: this.sessionId, content, clientMessageId });
        if (ack.ok) return ack.message;
        if (ack.error.code !== 'rate_limited' && ack.error.code !== 'internal' && ack.error.code !== 'unavailable') {
          throw new Error(`send refused: ${JSON.stringify(ack.error)}`);
        }
      } catch (err) {
        if (err instanceof Error && err.message.startsWith('send refused')) throw err;
        // timed out or disconnected: the relay may be down; retry with the same clientMessageId
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** One viewer: history rebuilt from join acks (afterMessageId) and chat:messages, each id once. */
export class Viewer {
  readonly history: Message[] = [];
  readonly seen = new Set<string>();
  rejoins = 0;
  joinFailures = 0;
  private readonly socket: ClientSocket;
  /** Deliveries that arrive while a join is in flight wait for its history first. */
  private pending: Message[][] | null = null;

  constructor(
    url: string,
    private readonly sessionId: string,
    token?: string,
  ) {
    this.socket = connect(url, socketOptions(token));
    this.socket.on('connect', () => void this.join());
    this.socket.on('chat:messages', ({ messages }) => {
      if (this.pending) this.pending.push(messages);
      else this.append(messages);
    });
  }

  /** Rejoins once more (a final resync) and closes. */
  async finish(): Promise<void> {
    while (!this.socket.connected) await new Promise((r) => setTimeout(r, 100));
    while (this.pending) await new Promise((r) => setTimeout(r, 50));
    await this.join();
    this.socket.close();
  }

  /**
   * Joins with the last message seen. Deliveries arriving meanwhile wait behind the join's history;
   * a failed join is retried while connected, since its deliveries may already be flowing.
   */
  private async join(): Promise<void> {
    if (this.pending) return;
    this.pending = [];
    try {
      while (this.socket.connected) {
        const afterMessageId = this.history.at(-1)?.id;
        const payload = afterMessageId ? { sessionId: this.sessionId, afterMessageId } : { sessionId: this.sessionId };
        try {
          const ack = await this.socket.timeout(5000).emitWithAck('session:join', payload);
          if (!ack.ok) throw new Error(`join refused: ${JSON.stringify(ack.error)}`);
          this.rejoins++;
          this.append(ack.messages);
          for (const batch of this.pending) this.append(batch);
          return;
        } catch {
          this.joinFailures++;
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    } finally {
      this.pending = null;
    }
  }

  private append(messages: Message[]): void {
    for (const message of messages) {
      if (this.seen.has(message.id)) continue;
      this.seen.add(message.id);
      this.history.push(message);
    }
  }
}
