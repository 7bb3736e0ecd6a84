import type { SignalChannel, SignalData } from '../../../protocol/signaling.js';
import { Emitter } from '../realtime/emitter.js';
import type { SignalRouter } from './signal-router.js';
import { createStatsSampler } from './stats.js';
import type { LinkStats } from './types.js';

export interface PeerLinkOptions {
  router: SignalRouter;
  /** The other side's user id. */
  peerId: string;
  /** Separates several links between the same two users (`program`, `guest`). */
  channel: SignalChannel;
  /** Perfect negotiation: the polite side yields on an offer collision. */
  polite: boolean;
  iceServers: RTCIceServer[];
  /** How long `disconnected` may last before an ICE restart. */
  disconnectedGraceMs?: number;
}

export interface PeerLinkEvents {
  track: { track: MediaStreamTrack; transceiver: RTCRtpTransceiver };
  state: RTCPeerConnectionState;
  /** The other side asked to start over (its `restart` signal): its old link is gone. */
  reset: undefined;
  closed: undefined;
}

/**
 * One RTCPeerConnection to one peer, negotiated with the "perfect negotiation" pattern over the
 * relay's `signal` event (trickle ICE), restarting ICE on `failed` or a long `disconnected`.
 */
export class PeerLink {
  readonly pc: RTCPeerConnection;
  private readonly events = new Emitter<PeerLinkEvents>();
  private makingOffer = false;
  private ignoreOffer = false;
  private settingRemoteAnswer = false;
  /** Signals are handled one at a time, in arrival order (a candidate must wait for its offer). */
  private queue: Promise<void> = Promise.resolve();
  private disconnectedTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly unroute: () => void;
  private closed = false;
  readonly getStats: () => Promise<LinkStats>;

  constructor(private readonly options: PeerLinkOptions) {
    this.pc = new RTCPeerConnection({ iceServers: options.iceServers });
    this.getStats = createStatsSampler(() => (this.closed ? null : this.pc));
    this.unroute = options.router.forLink(options.peerId, options.channel, (_from, data) => this.receive(data));
    this.pc.onnegotiationneeded = () => void this.negotiate();
    this.pc.onicecandidate = ({ candidate }) => {
      if (candidate) void this.send({ candidate: candidateJson(candidate) });
    };
    this.pc.ontrack = ({ track, transceiver }) => this.events.emit('track', { track, transceiver });
    this.pc.onconnectionstatechange = () => this.onConnectionState();
  }

  get peerId(): string {
    return this.options.peerId;
  }

  get state(): RTCPeerConnectionState {
    return this.pc.connectionState;
  }

  on<K extends keyof PeerLinkEvents>(event: K, listener: (payload: PeerLinkEvents[K]) => void): () => void {
    return this.events.on(event, listener);
  }

  /** Asks the other side to start over with a fresh link (our `restart` signal). */
  sendReset(): Promise<boolean> {
    return this.send({ restart: true });
  }

  /** Renegotiates with fresh ICE credentials. */
  restartIce(): void {
    if (!this.closed) this.pc.restartIce();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.disconnectedTimer) clearTimeout(this.disconnectedTimer);
    this.unroute();
    this.pc.close();
    this.events.emit('closed', undefined);
    this.events.clear();
  }

  private send(data: SignalData): Promise<boolean> {
    return this.options.router.send(this.options.peerId, { ...data, channel: this.options.channel });
  }

  private async negotiate(): Promise<void> {
    if (this.closed) return;
    try {
      this.makingOffer = true;
      await this.pc.setLocalDescription();
      const local = this.pc.localDescription;
      if (local) await this.send({ description: descriptionJson(local) });
    } catch (err) {
      console.warn('negotiation failed', err);
    } finally {
      this.makingOffer = false;
    }
  }

  private receive(data: SignalData): void {
    this.queue = this.queue.then(() => this.handle(data)).catch((err: unknown) => console.warn('signal handling failed', err));
  }

  private async handle(data: SignalData): Promise<void> {
    if (this.closed) return;
    if ('restart' in data) {
      this.events.emit('reset', undefined);
    } else if ('description' in data) {
      const description = data.description;
      const readyForOffer = !this.makingOffer && (this.pc.signalingState === 'stable' || this.settingRemoteAnswer);
      const collision = description.type === 'offer' && !readyForOffer;
      this.ignoreOffer = !this.options.polite && collision;
      if (this.ignoreOffer) return;
      this.settingRemoteAnswer = description.type === 'answer';
      await this.pc.setRemoteDescription(description);
      this.settingRemoteAnswer = false;
      if (description.type === 'offer') {
        await this.pc.setLocalDescription();
        const local = this.pc.localDescription;
        if (local) await this.send({ description: descriptionJson(local) });
      }
    } else if ('candidate' in data) {
      if (!data.candidate) return;
      try {
        await this.pc.addIceCandidate(data.candidate);
      } catch (err) {
        // Candidates of an offer we ignored (or of a link the peer replaced) are expected to fail.
        if (!this.ignoreOffer) console.debug('ignored ICE candidate', err);
      }
    }
  }

  private onConnectionState(): void {
    const state = this.pc.connectionState;
    this.events.emit('state', state);
    if (this.disconnectedTimer && state !== 'disconnected') {
      clearTimeout(this.disconnectedTimer);
      this.disconnectedTimer = null;
    }
    if (state === 'failed') this.restartIce();
    else if (state === 'disconnected' && !this.disconnectedTimer) {
      this.disconnectedTimer = setTimeout(() => {
        this.disconnectedTimer = null;
        if (this.pc.connectionState === 'disconnected') this.restartIce();
      }, this.options.disconnectedGraceMs ?? 4_000);
    }
  }
}

function candidateJson(c: RTCIceCandidate) {
  return { candidate: c.candidate, sdpMid: c.sdpMid, sdpMLineIndex: c.sdpMLineIndex, usernameFragment: c.usernameFragment };
}

function descriptionJson(d: RTCSessionDescription) {
  return { type: d.type, sdp: d.sdp };
}
