import { isStageGuest, type Participant } from '../../../protocol/sessions.js';
import { routes } from '../../../protocol/routes.js';
import { Emitter } from '../realtime/emitter.js';
import { GUEST_CHANNEL } from './guest-host.js';
import { getIceServers } from './ice.js';
import { PeerLink } from './peer-link.js';
import { SignalRouter } from './signal-router.js';
import { shouldStartOver } from './link-watchdog.js';
import { emptyStats } from './stats.js';
import { syncSenders } from './tracks.js';
import type { GuestLink, GuestLinkEvents, GuestLinkOptions, GuestLinkState, LinkStats } from './types.js';

const WATCHDOG_MS = 1_000;

/**
 * Guest side of the host↔guest mesh. Backstage until it holds a camera/mic stream and the relay lists
 * it as a guest; then it says hello to the host and sends its tracks, receiving the program back.
 * The host's switches (participants:update audioEnabled/videoEnabled) disable the outbound tracks.
 */
export class P2PGuestLink implements GuestLink {
  private readonly events = new Emitter<GuestLinkEvents>();
  private readonly router: SignalRouter;
  private link: PeerLink | null = null;
  private local: MediaStream | null = null;
  private program = new MediaStream();
  private role: Participant['role'] | null = null;
  private flags = { audioEnabled: true, videoEnabled: true };
  private currentState: GuestLinkState = 'backstage';
  private helloAt = 0;
  private offered = false;
  private downSince: number | null = null;
  private iceServers: RTCIceServer[] | null = null;
  private readonly unsubscribers: Array<() => void> = [];
  private readonly watchdog: ReturnType<typeof setInterval>;

  constructor(private readonly options: GuestLinkOptions) {
    const { connection, sessionId, channel } = options;
    const rejoined = () => this.link?.state !== 'connected' && this.connect(true);
    this.router = new SignalRouter(connection, sessionId);
    this.unsubscribers.push(
      // The host may also start over (e.g. after its page reloaded).
      this.router.forChannel(GUEST_CHANNEL, (from, data) => {
        if (from === options.hostId && 'restart' in data) this.connect(true);
      }),
      connection.on('participants:update', (p) => p.sessionId === sessionId && this.applyParticipants(p.participants)),
      channel ? channel.on('joined', rejoined) : connection.onState((s) => s === 'connected' && rejoined()),
    );
    this.watchdog = setInterval(() => this.checkLink(), WATCHDOG_MS);
  }

  get state(): GuestLinkState {
    return this.currentState;
  }

  on<K extends keyof GuestLinkEvents>(event: K, listener: (payload: GuestLinkEvents[K]) => void): () => void {
    return this.events.on(event, listener);
  }

  /** Seeds the guest's own participant entry (e.g. from the redeem reply) before any update arrives. */
  setParticipant(p: Participant): void {
    this.applyParticipants([p]);
  }

  async setLocalStream(stream: MediaStream): Promise<void> {
    this.local = stream;
    this.enforceFlags();
    this.iceServers ??= await getIceServers(this.options.api, this.options.sessionId);
    if (this.link) await syncSenders(this.link.pc, stream.getTracks(), stream);
    else this.connect(true);
  }

  getStats(): Promise<LinkStats> {
    return this.link ? this.link.getStats() : Promise.resolve(emptyStats());
  }

  async leave(): Promise<void> {
    clearInterval(this.watchdog);
    this.unsubscribers.splice(0).forEach((u) => u());
    this.link?.close();
    this.link = null;
    this.router.close();
    this.setState('left');
    await this.options.api.call(routes.leaveSession, { params: { id: this.options.sessionId } }).catch(() => undefined);
  }

  private onStage(): boolean {
    return this.role !== null && isStageGuest(this.role);
  }

  /** A fresh link to the host; `announce` sends our hello (the host links on it and offers). */
  private connect(announce: boolean): void {
    if (this.currentState === 'left' || !this.local || !this.iceServers || !this.onStage()) return;
    this.link?.close();
    const link = new PeerLink({
      router: this.router,
      peerId: this.options.hostId,
      channel: GUEST_CHANNEL,
      polite: true,
      iceServers: this.iceServers,
    });
    this.link = link;
    this.helloAt = Date.now();
    this.offered = false;
    this.downSince = null;
    this.setState('connecting');
    // The host's offer answers our hello; from then on the watchdog lets ICE finish instead of starting over.
    link.pc.addEventListener('signalingstatechange', () => {
      if (link.pc.signalingState === 'have-remote-offer') this.offered = true;
    });
    link.on('track', ({ track }) => {
      this.program.getTracks().filter((t) => t.kind === track.kind).forEach((t) => this.program.removeTrack(t));
      this.program = new MediaStream([...this.program.getTracks(), track]);
      this.events.emit('program', this.program);
    });
    link.on('state', (s) => {
      if (this.link !== link) return;
      if (s === 'connected') this.setState('on-stage');
      else if (s === 'disconnected' || s === 'failed') this.setState('reconnecting');
    });
    // The host started over (its page reloaded): answer with our hello at once, no watchdog wait.
    link.on('reset', () => this.link === link && this.connect(true));
    if (announce) void link.sendReset();
    for (const track of this.local.getTracks()) link.pc.addTrack(track, this.local);
  }

  private applyParticipants(list: Participant[]): void {
    const self = list.find((p) => p.userId === this.options.selfId);
    const wasOnStage = this.onStage();
    this.role = self?.role ?? null;
    if (self) {
      this.flags = { audioEnabled: self.audioEnabled, videoEnabled: self.videoEnabled };
      this.enforceFlags();
      this.events.emit('flags', this.flags);
    }
    if (!this.onStage() && wasOnStage) {
      // Sent back to the audience (or removed): stop sending.
      this.link?.close();
      this.link = null;
      this.setState('backstage');
    } else if (this.onStage() && !wasOnStage) {
      this.connect(true);
    }
  }

  /** The host's word is final: a switched-off track sends nothing (black frames / silence). */
  private enforceFlags(): void {
    if (!this.local) return;
    for (const track of this.local.getAudioTracks()) track.enabled = this.flags.audioEnabled;
    for (const track of this.local.getVideoTracks()) track.enabled = this.flags.videoEnabled;
  }

  private checkLink(): void {
    if (this.currentState === 'left' || this.options.connection.state !== 'connected' || !this.onStage()) return;
    if (!this.link) return this.connect(true);
    const state = this.link.state;
    const now = Date.now();
    if (state === 'connected') {
      this.downSince = null;
      return;
    }
    // PeerLink restarts ICE itself on a blip; a fresh link only when that did not help.
    if (state === 'disconnected' || state === 'failed' || state === 'closed') this.downSince ??= now;
    if (shouldStartOver({ state, offered: this.offered, helloAt: this.helloAt, downSince: this.downSince, now })) this.connect(true);
  }

  private setState(state: GuestLinkState): void {
    if (state === this.currentState || this.currentState === 'left') return;
    this.currentState = state;
    this.events.emit('state', state);
  }
}
