import { Emitter } from '../realtime/emitter.js';
import { getIceServers } from './ice.js';
import { PeerLink } from './peer-link.js';
import { PROGRAM_CHANNEL } from './p2p-publisher.js';
import { SignalRouter } from './signal-router.js';
import { shouldStartOver } from './link-watchdog.js';
import { emptyStats } from './stats.js';
import type { LinkStats, PlayerOptions, PlayerState, ProgramPlayer, ProgramPlayerEvents } from './types.js';

/** How often the watchdog looks at the link. */
const WATCHDOG_MS = 1_000;

/**
 * Viewer side of the P2P program: says hello to the host, answers its offer and hands the received
 * tracks out as a MediaStream. Recovers on its own: ICE restarts inside PeerLink, and a fresh link
 * (a new hello) when the old one stays down, when the socket comes back or when the session goes live.
 */
export class P2PProgramPlayer implements ProgramPlayer {
  private readonly events = new Emitter<ProgramPlayerEvents>();
  private readonly router: SignalRouter;
  private link: PeerLink | null = null;
  private tracks: MediaStreamTrack[] = [];
  private stream = new MediaStream();
  private currentState: PlayerState = 'idle';
  private iceServers: RTCIceServer[] | null = null;
  private helloAt = 0;
  private offered = false;
  private downSince: number | null = null;
  private watchdog: ReturnType<typeof setInterval> | null = null;
  private readonly unsubscribers: Array<() => void> = [];

  constructor(private readonly options: PlayerOptions) {
    this.router = new SignalRouter(options.connection, options.sessionId);
  }

  get state(): PlayerState {
    return this.currentState;
  }

  on<K extends keyof ProgramPlayerEvents>(event: K, listener: (payload: ProgramPlayerEvents[K]) => void): () => void {
    return this.events.on(event, listener);
  }

  async play(): Promise<MediaStream> {
    if (this.currentState !== 'idle' && this.currentState !== 'stopped') return this.stream;
    this.setState('connecting');
    this.iceServers = await getIceServers(this.options.api, this.options.sessionId);
    const { connection, sessionId, channel } = this.options;
    const rejoined = () => !this.isConnected() && this.hello();
    this.unsubscribers.push(
      channel ? channel.on('joined', rejoined) : connection.onState((s) => s === 'connected' && rejoined()),
      connection.on('session:state', (p) => p.sessionId === sessionId && p.state === 'live' && !this.isConnected() && this.hello()),
    );
    this.watchdog = setInterval(() => this.checkLink(), WATCHDOG_MS);
    this.hello();
    return this.stream;
  }

  getStats(): Promise<LinkStats> {
    return this.link ? this.link.getStats() : Promise.resolve(emptyStats());
  }

  stop(): void {
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = null;
    this.unsubscribers.splice(0).forEach((u) => u());
    this.link?.close();
    this.link = null;
    this.router.close();
    this.setState('stopped');
  }

  private isConnected(): boolean {
    return this.link?.state === 'connected';
  }

  /** Replaces the link with a fresh one and asks the host for the program. */
  private hello(): void {
    if (!this.iceServers || this.currentState === 'stopped') return;
    this.link?.close();
    const link = new PeerLink({
      router: this.router,
      peerId: this.options.hostId,
      channel: PROGRAM_CHANNEL,
      polite: true,
      iceServers: this.iceServers,
    });
    this.link = link;
    this.offered = false;
    this.helloAt = Date.now();
    this.downSince = null;
    link.on('track', ({ track }) => this.addTrack(track));
    link.on('state', (state) => this.onLinkState(state));
    // The host started over (its page reloaded): say hello again at once rather than wait for the watchdog.
    link.on('reset', () => this.link === link && this.hello());
    // The host's first offer answers our hello; until then the watchdog may say hello again.
    link.pc.addEventListener('signalingstatechange', () => {
      if (link.pc.signalingState === 'have-remote-offer') this.offered = true;
    });
    void link.sendReset();
  }

  private addTrack(track: MediaStreamTrack): void {
    // Tracks of a previous link are replaced by those of the new one, kind by kind.
    this.tracks = [...this.tracks.filter((t) => t.kind !== track.kind && t.readyState === 'live'), track];
    this.stream = new MediaStream(this.tracks);
    this.events.emit('stream', this.stream);
  }

  private onLinkState(state: RTCPeerConnectionState): void {
    if (state === 'connected') {
      this.downSince = null;
      this.setState('playing');
    } else if (state === 'disconnected' || state === 'failed' || state === 'closed') {
      this.downSince ??= Date.now();
      this.setState('reconnecting');
    }
  }

  private checkLink(): void {
    if (!this.link || this.options.connection.state !== 'connected') return;
    const watch = { state: this.link.state, offered: this.offered, helloAt: this.helloAt, downSince: this.downSince, now: Date.now() };
    if (shouldStartOver(watch)) this.hello();
  }

  private setState(state: PlayerState): void {
    if (state === this.currentState) return;
    this.currentState = state;
    this.events.emit('state', state);
  }
}
