import type { SignalData } from '../../../protocol/signaling.js';
import type { RelayConnection } from '../realtime/connection.js';

export type SignalHandler = (from: string, data: SignalData) => void;

/**
 * One `signal` listener per (connection, session) that hands each message to the link it belongs to,
 * keyed by the sender and the `channel` string (e.g. `program`, `guest`); a channel handler takes
 * signals from peers that have no link yet (a viewer's hello).
 */
export class SignalRouter {
  private readonly links = new Map<string, SignalHandler>();
  private readonly channels = new Map<string, SignalHandler>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly connection: RelayConnection,
    readonly sessionId: string,
  ) {
    this.unsubscribe = connection.on('signal', (p) => {
      if (p.sessionId !== sessionId) return;
      const channel = p.data.channel ?? '';
      const handler = this.links.get(key(p.from, channel)) ?? this.channels.get(channel);
      handler?.(p.from, p.data);
    });
  }

  /** Signals from `peerId` on `channel`; returns the unregister function. */
  forLink(peerId: string, channel: string, handler: SignalHandler): () => void {
    const k = key(peerId, channel);
    this.links.set(k, handler);
    return () => {
      if (this.links.get(k) === handler) this.links.delete(k);
    };
  }

  /** Signals on `channel` from peers without a link of their own. */
  forChannel(channel: string, handler: SignalHandler): () => void {
    this.channels.set(channel, handler);
    return () => {
      if (this.channels.get(channel) === handler) this.channels.delete(channel);
    };
  }

  /** Sends `data` to `to`; resolves false when the relay refused or the socket is down. */
  async send(to: string, data: SignalData): Promise<boolean> {
    const ack = await this.connection.request('signal', { sessionId: this.sessionId, to, data });
    if (!ack.ok) console.warn(`signal to ${to} refused: ${ack.error.code}`);
    return ack.ok;
  }

  close(): void {
    this.unsubscribe();
    this.links.clear();
    this.channels.clear();
  }
}

const key = (peerId: string, channel: string) => `${peerId}\u0000${channel}`;
