import type { MediaHint } from '../../../../protocol/media.js';
import { Emitter } from '../../realtime/emitter.js';
import { getIceServers } from '../ice.js';
import { createStatsSampler, summarizeStats } from '../stats.js';
import type { LinkStats, PlayerOptions, PlayerState, ProgramPlayer, ProgramPlayerEvents } from '../types.js';
import { Backoff } from './backoff.js';
import { exchangeSdp, getMediaHint, resolveMediaUrl } from './http.js';
import { deleteResource } from './wire.js';
import { claimEarlyWhep, endEarlyWhep, type EarlyWhep } from './early-whep.js';
import { completeOffer } from './negotiate.js';

/** How often the watchdog looks at the link. */
const WATCHDOG_MS = 1_000;
/** A fresh WHEP session after 1 s, 2 s, 4 s… up to 30 s of consecutive failures (jittered). */
const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 30_000;
/** ICE may come back by itself from `disconnected`; give it this long first. */
const DISCONNECT_GRACE_MS = 5_000;
/** An answered offer whose link has not connected after this long is given up. */
const CONNECT_TIMEOUT_MS = 15_000;
/**
 * Connected but no media for this long: the resource died on the server (publisher moved, forwarder
 * restarted, viewer swept) or the publisher is away; POST again.
 */
const STALL_MS = 10_000;

/** Kept as a name for callers; the token getter lives on PlayerOptions. */
export type WhepPlayerOptions = PlayerOptions;

/**
 * A viewer plays the program with WHEP from the relay's forwarder (or an external media server).
 * Same interface as the P2P player. Recovers on its own: a link that fails, never connects, or stops
 * carrying media is replaced by a new WHEP session (re-POST), with backoff between attempts.
 */
export class WhepProgramPlayer implements ProgramPlayer {
  private readonly events = new Emitter<ProgramPlayerEvents>();
  private pc: RTCPeerConnection | null = null;
  private resourceUrl: string | null = null;
  private stream = new MediaStream();
  private currentState: PlayerState = 'idle';
  /** When the watchdog should start a new WHEP session; null while the link is fine. */
  private nextAttemptAt: number | null = null;
  private lastBytes = 0;
  private lastFlowAt = 0;
  private connecting = false;
  private everPlayed = false;
  private watchdog: ReturnType<typeof setInterval> | null = null;
  private readonly backoff = new Backoff(RETRY_FIRST_MS, RETRY_MAX_MS);
  private readonly sample = createStatsSampler(() => this.pc);

  /** The page's hint, for the first attempt only: retries ask the relay afresh. */
  private unusedHint: MediaHint | undefined;
  /** The join reply's ICE servers, for the first attempt only (TURN credentials expire; retries ask afresh). */
  private unusedIceServers: RTCIceServer[] | undefined;

  constructor(private readonly options: WhepPlayerOptions) {
    this.unusedHint = options.firstMediaHint;
    this.unusedIceServers = options.firstIceServers;
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
    this.watchdog = setInterval(() => void this.checkLink(), WATCHDOG_MS);
    await this.attempt();
    return this.stream;
  }

  getStats(): Promise<LinkStats> {
    return this.sample();
  }

  stop(): void {
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = null;
    this.nextAttemptAt = null;
    this.teardown();
    this.setState('stopped');
  }

  /** One WHEP exchange; a failure (not live yet, network error, 4xx/5xx) schedules the next one. */
  private async attempt(): Promise<void> {
    if (this.connecting || this.currentState === 'stopped') return;
    this.connecting = true;
    this.nextAttemptAt = null;
    try {
      await this.connect();
    } catch {
      // stop() may have run while the offer was in flight.
      if (!this.stopped()) this.retryLater(0);
    } finally {
      this.connecting = false;
    }
  }

  private async connect(): Promise<void> {
    this.teardown();
    const { api, sessionId } = this.options;
    const hint = this.unusedHint ?? (await getMediaHint(api, sessionId));
    this.unusedHint = undefined;
    if (!hint.whepUrl) throw new Error('This session is not played with WHEP');
    const whepUrl = resolveMediaUrl(api, hint.whepUrl);
    const early = await claimEarlyWhep(whepUrl);
    if (early) return this.adopt(early);
    const iceServers = this.unusedIceServers ?? (await getIceServers(api, sessionId).catch(() => []));
    this.unusedIceServers = undefined;
    const pc = new RTCPeerConnection({ iceServers, bundlePolicy: 'max-bundle' });
    this.pc = pc;
    if (this.options.sessionType !== 'audio') pc.addTransceiver('video', { direction: 'recvonly' });
    pc.addTransceiver('audio', { direction: 'recvonly' });
    this.listen(pc);
    const token = this.options.getToken?.() ?? null;
    const { answerSdp, resourceUrl } = await exchangeSdp(whepUrl, await completeOffer(pc), token);
    if (pc !== this.pc) {
      // Stopped while the offer was in flight: end what the server just created.
      void deleteResource(resourceUrl, token);
      return;
    }
    this.resourceUrl = resourceUrl;
    await pc.setRemoteDescription({ type: 'answer', sdp: answerSdp });
    this.nextAttemptAt = Date.now() + CONNECT_TIMEOUT_MS;
  }

  private listen(pc: RTCPeerConnection): void {
    pc.addEventListener('track', ({ track }) => this.addTrack(track));
    pc.addEventListener('connectionstatechange', () => this.onState(pc));
  }

  /**
   * Takes over the session the page's boot module started (early-whep.ts). Its answer is applied, so
   * its tracks were announced before anyone listened: they are read off the receivers instead.
   */
  private adopt(early: EarlyWhep): void {
    this.unusedIceServers = undefined;
    if (this.stopped()) return endEarlyWhep(early);
    const { pc, resourceUrl } = early;
    this.pc = pc;
    this.resourceUrl = resourceUrl;
    this.listen(pc);
    for (const receiver of pc.getReceivers()) this.addTrack(receiver.track);
    this.nextAttemptAt = Date.now() + CONNECT_TIMEOUT_MS;
    this.onState(pc);
  }

  private addTrack(track: MediaStreamTrack): void {
    const tracks = [...this.stream.getTracks().filter((t) => t.kind !== track.kind && t.readyState === 'live'), track];
    this.stream = new MediaStream(tracks);
    this.events.emit('stream', this.stream);
  }

  private onState(pc: RTCPeerConnection): void {
    if (pc !== this.pc || this.currentState === 'stopped') return;
    if (pc.connectionState === 'connected') {
      this.nextAttemptAt = null;
      this.lastBytes = 0;
      this.lastFlowAt = Date.now();
      this.everPlayed = true;
      this.setState('playing');
    } else if (pc.connectionState === 'disconnected') {
      this.retryLater(DISCONNECT_GRACE_MS);
    } else if (pc.connectionState === 'failed' || pc.connectionState === 'closed') {
      this.nextAttemptAt = null;
      this.retryLater(0);
    }
  }

  /** Schedules a new WHEP session (unless one is scheduled already), at least `minMs` from now. */
  private retryLater(minMs: number): void {
    if (this.everPlayed) this.setState('reconnecting');
    if (this.nextAttemptAt !== null) return;
    this.nextAttemptAt = Date.now() + Math.max(minMs, this.backoff.next());
  }

  private async checkLink(): Promise<void> {
    if (this.currentState === 'stopped' || this.connecting) return;
    const pc = this.pc;
    if (pc?.connectionState === 'connected') await this.checkFlow(pc);
    if (this.nextAttemptAt !== null && Date.now() >= this.nextAttemptAt) await this.attempt();
  }

  /** Media flowing resets the backoff; a connected link without media for STALL_MS is replaced. */
  private async checkFlow(pc: RTCPeerConnection): Promise<void> {
    const bytes = summarizeStats(await pc.getStats()).bytesReceived;
    if (pc !== this.pc) return;
    if (bytes > this.lastBytes) {
      this.lastBytes = bytes;
      this.lastFlowAt = Date.now();
      this.backoff.reset();
    } else if (Date.now() - this.lastFlowAt > STALL_MS) {
      this.retryLater(0);
    }
  }

  private teardown(): void {
    if (this.resourceUrl) void deleteResource(this.resourceUrl, this.options.getToken?.() ?? null);
    this.resourceUrl = null;
    this.pc?.close();
    this.pc = null;
  }

  private stopped(): boolean {
    return this.currentState === 'stopped';
  }

  private setState(state: PlayerState): void {
    if (state === this.currentState) return;
    this.currentState = state;
    this.events.emit('state', state);
  }
}
