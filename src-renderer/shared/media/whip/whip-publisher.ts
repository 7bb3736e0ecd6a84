import { Emitter } from '../../realtime/emitter.js';
import { getIceServers } from '../ice.js';
import { createStatsSampler } from '../stats.js';
import type { ProgramPublisher, ProgramPublisherEvents, PublisherOptions } from '../types.js';
import { deleteResource, exchangeSdp, getMediaHint, resolveMediaUrl } from './http.js';
import { completeOffer, preferVp8 } from './negotiate.js';

/** A failed or lost WHIP session is published again after this long. */
const RETRY_MS = 2_000;
const STATS_MS = 5_000;

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

  constructor(private readonly options: WhipPublisherOptions) {}

  on<K extends keyof ProgramPublisherEvents>(event: K, listener: (payload: ProgramPublisherEvents[K]) => void): () => void {
    return this.events.on(event, listener);
  }

  async publish(stream: MediaStream): Promise<void> {
    this.stream = stream;
    this.stopped = false;
    await this.connect();
    this.statsTimer ??= setInterval(() => void this.emitStats(), STATS_MS);
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

  /** Viewers are the forwarder's, not ours: the studio sees none directly. */
  connectedViewers(): string[] {
    return [];
  }

  private tracksOf(stream: MediaStream): MediaStreamTrack[] {
    return this.options.sessionType === 'audio' ? stream.getAudioTracks() : stream.getTracks();
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
      if (track.kind === 'video') preferVp8(transceiver);
    }
    pc.addEventListener('connectionstatechange', () => this.onState(pc));
    const token = this.options.getToken?.() ?? null;
    const { answerSdp, resourceUrl } = await exchangeSdp(resolveMediaUrl(api, hint.whipUrl), await completeOffer(pc), token);
    this.resourceUrl = resourceUrl;
    await pc.setRemoteDescription({ type: 'answer', sdp: answerSdp });
  }

  private onState(pc: RTCPeerConnection): void {
    if (pc !== this.pc || this.stopped) return;
    if (pc.connectionState === 'failed' || pc.connectionState === 'closed') this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.retry || this.stopped) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      this.connect().catch((err: unknown) => {
        this.events.emit('error', { message: err instanceof Error ? err.message : 'WHIP publish failed' });
        this.scheduleRetry();
      });
    }, RETRY_MS);
  }

  private teardown(): void {
    if (this.resourceUrl) void deleteResource(this.resourceUrl, this.options.getToken?.() ?? null);
    this.resourceUrl = null;
    this.pc?.close();
    this.pc = null;
  }

  private async emitStats(): Promise<void> {
    if (!this.pc) return;
    this.events.emit('stats', { viewers: 0, perViewer: [{ userId: 'whip', stats: await this.sample() }] });
  }
}
