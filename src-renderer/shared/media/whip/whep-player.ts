import { Emitter } from '../../realtime/emitter.js';
import { getIceServers } from '../ice.js';
import { createStatsSampler } from '../stats.js';
import type { LinkStats, PlayerOptions, PlayerState, ProgramPlayer, ProgramPlayerEvents } from '../types.js';
import { deleteResource, exchangeSdp, getMediaHint, resolveMediaUrl } from './http.js';
import { completeOffer } from './negotiate.js';

/** How often the watchdog looks at the link, and how long it may stay down before a fresh WHEP session. */
const WATCHDOG_MS = 1_000;
const STUCK_MS = 8_000;

/** Kept as a name for callers; the token getter lives on PlayerOptions. */
export type WhepPlayerOptions = PlayerOptions;

/**
 * A viewer plays the program with WHEP from the relay's forwarder (or an external media server).
 * Same interface as the P2P player; recovers by starting a new WHEP session when the link stays down.
 */
export class WhepProgramPlayer implements ProgramPlayer {
  private readonly events = new Emitter<ProgramPlayerEvents>();
  private pc: RTCPeerConnection | null = null;
  private resourceUrl: string | null = null;
  private stream = new MediaStream();
  private currentState: PlayerState = 'idle';
  private downSince: number | null = null;
  private connecting = false;
  private watchdog: ReturnType<typeof setInterval> | null = null;
  private readonly sample = createStatsSampler(() => this.pc);

  constructor(private readonly options: WhepPlayerOptions) {}

  get state(): PlayerState {
    return this.currentState;
  }

  on<K extends keyof ProgramPlayerEvents>(event: K, listener: (payload: ProgramPlayerEvents[K]) => void): () => void {
    return this.events.on(event, listener);
  }

  async play(): Promise<MediaStream> {
    if (this.currentState !== 'idle' && this.currentState !== 'stopped') return this.stream;
    this.setState('connecting');
    this.watchdog = setInterval(() => this.checkLink(), WATCHDOG_MS);
    await this.connect().catch(() => {
      this.downSince = Date.now(); // not live yet, or a network error: the watchdog tries again
    });
    return this.stream;
  }

  getStats(): Promise<LinkStats> {
    return this.sample();
  }

  stop(): void {
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = null;
    this.teardown();
    this.setState('stopped');
  }

  private async connect(): Promise<void> {
    if (this.connecting || this.currentState === 'stopped') return;
    this.connecting = true;
    try {
      this.teardown();
      const { api, sessionId } = this.options;
      const hint = await getMediaHint(api, sessionId);
      if (!hint.whepUrl) throw new Error('This session is not played with WHEP');
      const pc = new RTCPeerConnection({ iceServers: await getIceServers(api, sessionId).catch(() => []), bundlePolicy: 'max-bundle' });
      this.pc = pc;
      if (this.options.sessionType !== 'audio') pc.addTransceiver('video', { direction: 'recvonly' });
      pc.addTransceiver('audio', { direction: 'recvonly' });
      pc.addEventListener('track', ({ track }) => this.addTrack(track));
      pc.addEventListener('connectionstatechange', () => this.onState(pc));
      const token = this.options.getToken?.() ?? null;
      const { answerSdp, resourceUrl } = await exchangeSdp(resolveMediaUrl(api, hint.whepUrl), await completeOffer(pc), token);
      this.resourceUrl = resourceUrl;
      await pc.setRemoteDescription({ type: 'answer', sdp: answerSdp });
      this.downSince = null;
    } finally {
      this.connecting = false;
    }
  }

  private addTrack(track: MediaStreamTrack): void {
    const tracks = [...this.stream.getTracks().filter((t) => t.kind !== track.kind && t.readyState === 'live'), track];
    this.stream = new MediaStream(tracks);
    this.events.emit('stream', this.stream);
  }

  private onState(pc: RTCPeerConnection): void {
    if (pc !== this.pc) return;
    if (pc.connectionState === 'connected') {
      this.downSince = null;
      this.setState('playing');
    } else if (pc.connectionState === 'disconnected' || pc.connectionState === 'failed') {
      this.downSince ??= Date.now();
      this.setState('reconnecting');
    }
  }

  private checkLink(): void {
    if (this.currentState === 'stopped' || this.pc?.connectionState === 'connected') return;
    if (this.downSince !== null && Date.now() - this.downSince > STUCK_MS) {
      this.downSince = Date.now();
      this.connect().catch(() => undefined);
    }
  }

  private teardown(): void {
    if (this.resourceUrl) void deleteResource(this.resourceUrl, this.options.getToken?.() ?? null);
    this.resourceUrl = null;
    this.pc?.close();
    this.pc = null;
  }

  private setState(state: PlayerState): void {
    if (state === this.currentState) return;
    this.currentState = state;
    this.events.emit('state', state);
  }
}
