import { Emitter } from '../../realtime/emitter.js';
import { getIceServers } from '../ice.js';
import { createStatsSampler } from '../stats.js';
import type { ProgramPublisher, ProgramPublisherEvents, PublisherOptions, UploadStatus } from '../types.js';
import { Backoff, reasonOf } from './backoff.js';
import { exchangeSdp, getMediaHint, resolveMediaUrl } from './http.js';
import { deleteResource } from './wire.js';
import { completeOffer, preferForwardedCodecs } from './negotiate.js';
import { outboundBitrate, outboundBytesSent, type OutboundSample, type OutboundStats } from './outbound-stats.js';

/** A failed or lost WHIP session is published again after 1 s, 2 s, 4 s… up to 30 s. */
const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 30_000;
/** Also the window the upload's bitrate is averaged over. */
const STATS_MS = 2_000;
/** A WHIP link that has not connected this long after its answer is given up and published again. */
const CONNECT_TIMEOUT_MS = 15_000;
/** Failure reason: the WHIP endpoint (or its media path) cannot be reached. */
const MEDIA_UNREACHABLE = 'media_unreachable';

/** Kept as a name for callers; the token getter lives on PublisherOptions. */
export type WhipPublisherOptions = PublisherOptions;

/**
 * The studio publishes the program ONCE with WHIP; the relay's forwarder (or an external media server)
 * sends it to every viewer. Same interface as the P2P publisher, so pages do not change.
 */
export class WhipProgramPublisher implements ProgramPublisher {
  private readonly events = new Emitter<ProgramPublisherEvents>();
  private pc: RTCPeerConnection | null = null;
  private resourceUrl: string | null = null;
  private stream: MediaStream | null = null;
  private stopped = false;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private statsTimer: ReturnType<typeof setInterval> | null = null;
  private readonly sample = createStatsSampler(() => this.pc);
  private readonly backoff = new Backoff(RETRY_FIRST_MS, RETRY_MAX_MS);
  private upload: UploadStatus = { state: 'connecting' };
  /** The last outbound read, tied to its link so a replaced link starts a fresh delta. */
  private outbound: { pc: RTCPeerConnection; sample: OutboundSample } | null = null;

  constructor(private readonly options: WhipPublisherOptions) {}

  on<K extends keyof ProgramPublisherEvents>(event: K, listener: (payload: ProgramPublisherEvents[K]) => void): () => void {
    return this.events.on(event, listener);
  }

  /**
   * Resolves after the first WHIP exchange, whether it worked or not: a failure is reported as the
   * `upload` event (state `failed`, with the reason) and retried with backoff. It never falls back to
   * P2P, since viewers of this session play with WHEP.
   */
  async publish(stream: MediaStream): Promise<void> {
    this.stream = stream;
    this.stopped = false;
    this.statsTimer ??= setInterval(() => void this.emitStats(), STATS_MS);
    await this.attempt();
  }

  /** The upload's current state (the `upload` event tells its changes). */
  uploadStatus(): UploadStatus {
    return this.upload;
  }

  async replaceStream(stream: MediaStream): Promise<void> {
    this.stream = stream;
    const senders = this.pc?.getSenders() ?? [];
    for (const sender of senders) {
      const kind = sender.track?.kind ?? null;
      const next = this.tracksOf(stream).find((t) => t.kind === kind) ?? null;
      if (kind) await sender.replaceTrack(next);
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    if (this.statsTimer) clearInterval(this.statsTimer);
    this.retry = null;
    this.statsTimer = null;
    this.teardown();
  }

  /**
   * What the single upload sends: bytesSent of its outbound-rtp video + audio, and the bitrate since
   * the previous call (the caller's polling interval is the averaging window).
   */
  async outboundStats(): Promise<OutboundStats> {
    const pc = this.pc;
    if (!pc) {
      this.outbound = null;
      return { bytesSent: 0, bitrate: 0 };
    }
    const report = await pc.getStats();
    const sample: OutboundSample = { bytesSent: outboundBytesSent(report), at: Date.now() };
    const previous = this.outbound?.pc === pc ? this.outbound.sample : null;
    this.outbound = { pc, sample };
    return { bytesSent: sample.bytesSent, bitrate: outboundBitrate(previous, sample) };
  }

  /** Viewers are the forwarder's, not ours: the studio sees none directly. */
  connectedViewers(): string[] {
    return [];
  }

  private tracksOf(stream: MediaStream): MediaStreamTrack[] {
    return this.options.sessionType === 'audio' ? stream.getAudioTracks() : stream.getTracks();
  }

  private async attempt(): Promise<void> {
    // While retrying after a failure the studio keeps showing the failure until a link comes up.
    if (this.upload.state !== 'failed') this.setUpload({ state: 'connecting' });
    try {
      await this.connect();
    } catch (err) {
      if (this.stopped) return;
      const reason = reasonOf(err);
      this.setUpload({ state: 'failed', reason });
      this.events.emit('error', { message: reason });
      this.scheduleRetry();
    }
  }

  private async connect(): Promise<void> {
    const stream = this.stream;
    if (!stream || this.stopped) return;
    this.teardown();
    const { api, sessionId } = this.options;
    const hint = await getMediaHint(api, sessionId);
    if (!hint.whipUrl) throw new Error('This session has no WHIP endpoint for you (not its host, or P2P transport)');
    const pc = new RTCPeerConnection({ iceServers: await getIceServers(api, sessionId), bundlePolicy: 'max-bundle' });
    this.pc = pc;
    for (const track of this.tracksOf(stream)) {
      const transceiver = pc.addTransceiver(track, { direction: 'sendonly', streams: [stream] });
      if (track.kind === 'video') preferForwardedCodecs(transceiver);
    }
    pc.addEventListener('connectionstatechange', () => this.onState(pc));
    const token = this.options.getToken?.() ?? null;
    const offer = await completeOffer(pc);
    // fetch rejects (TypeError) when the WHIP server cannot be reached at all: say so, not "relay down".
    const { answerSdp, resourceUrl } = await exchangeSdp(resolveMediaUrl(api, hint.whipUrl), offer, token).catch((err: unknown) => {
      throw err instanceof TypeError ? new Error(MEDIA_UNREACHABLE) : err;
    });
    if (pc !== this.pc) {
      // Stopped (or restarted) while the offer was in flight: end what the server just created.
      void deleteResource(resourceUrl, token);
      return;
    }
    this.resourceUrl = resourceUrl;
    await pc.setRemoteDescription({ type: 'answer', sdp: answerSdp });
    this.watchConnect(pc);
  }

  /** An answer whose ICE never connects (server unreachable over UDP) counts as a failure too. */
  private watchConnect(pc: RTCPeerConnection): void {
    setTimeout(() => {
      if (pc !== this.pc || this.stopped || pc.connectionState === 'connected') return;
      this.setUpload({ state: 'failed', reason: MEDIA_UNREACHABLE });
      this.scheduleRetry();
    }, CONNECT_TIMEOUT_MS);
  }

  private onState(pc: RTCPeerConnection): void {
    if (pc !== this.pc || this.stopped) return;
    if (pc.connectionState === 'connected') {
      this.backoff.reset();
      this.setUpload({ state: 'sending' });
    } else if (pc.connectionState === 'failed' || pc.connectionState === 'closed') {
      this.setUpload({ state: 'failed', reason: 'connection_lost' });
      this.scheduleRetry();
    }
  }

  private scheduleRetry(): void {
    if (this.retry || this.stopped) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.attempt();
    }, this.backoff.next());
  }

  private setUpload(status: UploadStatus): void {
    if (status.state === this.upload.state && status.reason === this.upload.reason) return;
    this.upload = status;
    this.events.emit('upload', status);
  }

  private teardown(): void {
    if (this.resourceUrl) void deleteResource(this.resourceUrl, this.options.getToken?.() ?? null);
    this.resourceUrl = null;
    this.pc?.close();
    this.pc = null;
  }

  private async emitStats(): Promise<void> {
    if (!this.pc) return;
    try {
      const [stats, outbound] = await Promise.all([this.sample(), this.outboundStats()]);
      this.events.emit('stats', { viewers: 0, perViewer: [{ userId: 'whip', stats }], sentBitrate: outbound.bitrate });
    } catch {
      // getStats fails only on a link closed mid-read (retry or stop): the next tick reads the new one.
    }
  }
}
