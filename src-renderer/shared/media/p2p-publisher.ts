import { routes } from '../../../protocol/routes.js';
import { SIGNAL_CHANNELS } from '../../../protocol/signaling.js';
import { Emitter } from '../realtime/emitter.js';
import { getIceServers } from './ice.js';
import { PeerLink } from './peer-link.js';
import { SignalRouter } from './signal-router.js';
import { syncSenders, tracksFor } from './tracks.js';
import { totalBitrate } from './sent-bitrate.js';
import type { ProgramPublisher, ProgramPublisherEvents, PublisherOptions } from './types.js';

/** The signaling channel of program links (host → viewer). */
export const PROGRAM_CHANNEL = SIGNAL_CHANNELS.program;
const STATS_INTERVAL_MS = 5_000;
/** A viewer whose link stays failed this long is dropped (it says hello again when it comes back). */
const FAILED_DROP_MS = 20_000;

interface ViewerLink {
  link: PeerLink;
  connectedOnce: boolean;
  dropTimer: ReturnType<typeof setTimeout> | null;
}

/**
 * Direct P2P program distribution: one PeerLink per viewer, the host offering. A viewer asks for the
 * program with a `{restart:true, channel:'program'}` signal (its "hello"); each hello replaces that
 * viewer's link with a fresh one, so a reloaded or reconnected viewer always gets a clean start.
 */
export class P2PProgramPublisher implements ProgramPublisher {
  private readonly events = new Emitter<ProgramPublisherEvents>();
  private readonly router: SignalRouter;
  private readonly viewers = new Map<string, ViewerLink>();
  private iceServers: RTCIceServer[] = [];
  private stream: MediaStream | null = null;
  private statsTimer: ReturnType<typeof setInterval> | null = null;
  private unlisten: (() => void) | null = null;
  private starting: Promise<void> | null = null;

  constructor(private readonly options: PublisherOptions) {
    this.router = new SignalRouter(options.connection, options.sessionId);
  }

  on<K extends keyof ProgramPublisherEvents>(event: K, listener: (payload: ProgramPublisherEvents[K]) => void): () => void {
    return this.events.on(event, listener);
  }

  async publish(stream: MediaStream): Promise<void> {
    const first = !this.starting;
    this.starting ??= this.listen();
    await this.starting;
    await this.replaceStream(stream);
    if (first) void this.greetViewers();
  }

  /**
   * A (re)loaded host tells every viewer already in the session to start over: their links point at
   * the previous page, and without this they would wait for their watchdog. Each viewer answers with
   * its usual hello, so the host still offers (perfect negotiation roles unchanged).
   */
  private async greetViewers(): Promise<void> {
    const { api, sessionId } = this.options;
    try {
      const { participants } = await api.call(routes.listParticipants, { params: { id: sessionId }, query: { includeViewers: '1' } });
      const viewers = participants.filter((p) => p.role === 'viewer' && p.connected && !this.viewers.has(p.userId));
      await Promise.all(viewers.map((p) => this.router.send(p.userId, { restart: true, channel: PROGRAM_CHANNEL })));
    } catch (err) {
      console.warn('could not greet viewers', err);
    }
  }

  /** Once per publisher, however many times publish() is called: ICE servers, hellos, stats. */
  private async listen(): Promise<void> {
    this.iceServers = await getIceServers(this.options.api, this.options.sessionId);
    const { connection, sessionId } = this.options;
    const mine = (p: { sessionId: string }) => p.sessionId === sessionId;
    const offs = [
      this.router.forChannel(PROGRAM_CHANNEL, (from, data) => {
        if ('restart' in data) this.connectViewer(from);
      }),
      // Banned or removed: the relay stops their signals, but media flows directly, so we cut it here.
      connection.on('moderation:banned', (p) => mine(p) && this.dropViewer(p.userId)),
      connection.on('participant:removed', (p) => mine(p) && this.dropViewer(p.userId)),
    ];
    this.unlisten = () => offs.forEach((off) => off());
    this.statsTimer = setInterval(() => void this.sampleStats(), STATS_INTERVAL_MS);
  }

  async replaceStream(stream: MediaStream): Promise<void> {
    this.stream = stream;
    const tracks = tracksFor(stream, this.options.sessionType);
    await Promise.all([...this.viewers.values()].map((v) => syncSenders(v.link.pc, tracks, stream)));
  }

  connectedViewers(): string[] {
    return [...this.viewers.entries()].filter(([, v]) => v.link.state === 'connected').map(([id]) => id);
  }

  stop(): void {
    if (this.statsTimer) clearInterval(this.statsTimer);
    this.statsTimer = null;
    this.unlisten?.();
    this.unlisten = null;
    this.starting = null;
    for (const userId of [...this.viewers.keys()]) this.dropViewer(userId);
    this.router.close();
    this.stream = null;
  }

  private connectViewer(userId: string): void {
    const stream = this.stream;
    if (!stream) return;
    this.dropViewer(userId);
    const link = new PeerLink({
      router: this.router,
      peerId: userId,
      channel: PROGRAM_CHANNEL,
      polite: false,
      iceServers: this.iceServers,
    });
    const entry: ViewerLink = { link, connectedOnce: false, dropTimer: null };
    this.viewers.set(userId, entry);
    link.on('state', (state) => this.onViewerState(userId, entry, state));
    // Send-only: the viewer sends nothing back. Adding the tracks triggers the offer.
    for (const track of tracksFor(stream, this.options.sessionType)) link.pc.addTransceiver(track, { direction: 'sendonly', streams: [stream] });
  }

  private onViewerState(userId: string, entry: ViewerLink, state: RTCPeerConnectionState): void {
    if (this.viewers.get(userId) !== entry) return;
    if (state === 'connected') {
      if (entry.dropTimer) clearTimeout(entry.dropTimer);
      entry.dropTimer = null;
      if (!entry.connectedOnce) this.events.emit('viewer:connected', { userId });
      entry.connectedOnce = true;
    } else if (state === 'failed' && !entry.dropTimer) {
      entry.dropTimer = setTimeout(() => this.dropViewer(userId), FAILED_DROP_MS);
    } else if (state === 'closed') {
      this.dropViewer(userId);
    }
  }

  private dropViewer(userId: string): void {
    const entry = this.viewers.get(userId);
    if (!entry) return;
    this.viewers.delete(userId);
    if (entry.dropTimer) clearTimeout(entry.dropTimer);
    entry.link.close();
    if (entry.connectedOnce) this.events.emit('viewer:left', { userId });
  }

  private async sampleStats(): Promise<void> {
    const perViewer = await Promise.all(
      [...this.viewers.entries()].map(async ([userId, v]) => ({ userId, stats: await v.link.getStats() })),
    );
    this.events.emit('stats', { viewers: this.connectedViewers().length, perViewer, sentBitrate: totalBitrate(perViewer) });
  }
}
