import { isStageGuest, type Participant } from '../../../protocol/sessions.js';
import { routes } from '../../../protocol/routes.js';
import { SIGNAL_CHANNELS } from '../../../protocol/signaling.js';
import { Emitter } from '../realtime/emitter.js';
import { getIceServers } from './ice.js';
import { PeerLink } from './peer-link.js';
import { SignalRouter } from './signal-router.js';
import { syncSenders } from './tracks.js';
import type { GuestHost, GuestHostEvents, GuestHostOptions, RemoteGuest } from './types.js';

/** The signaling channel of host↔guest links. */
export const GUEST_CHANNEL = SIGNAL_CHANNELS.stage;

interface GuestEntry {
  link: PeerLink;
  stream: MediaStream;
}

/**
 * Host side of the guest mesh. A guest on stage says hello (`{restart:true, channel:'guest'}`); the
 * host answers with a fresh link that receives the guest's camera+mic and sends the program back.
 * The host's audio/video switches (PATCH participant) are applied here too: a switched-off track
 * is disabled on receipt, so it is not rendered even before the guest's page obeys.
 */
export class P2PGuestHost implements GuestHost {
  private readonly events = new Emitter<GuestHostEvents>();
  private readonly router: SignalRouter;
  private readonly links = new Map<string, GuestEntry>();
  private participants = new Map<string, Participant>();
  private program: MediaStream | null = null;
  private iceServers: Promise<RTCIceServer[]>;
  private readonly unsubscribers: Array<() => void> = [];

  constructor(private readonly options: GuestHostOptions) {
    const { connection, api, sessionId } = options;
    this.router = new SignalRouter(connection, sessionId);
    this.iceServers = getIceServers(api, sessionId);
    this.unsubscribers.push(
      this.router.forChannel(GUEST_CHANNEL, (from, data) => {
        if ('restart' in data) void this.connectGuest(from);
      }),
      connection.on('participants:update', (p) => p.sessionId === sessionId && this.applyParticipants(p.participants)),
      // Banned or removed: drop their link at once, before the roster update arrives.
      connection.on('moderation:banned', (p) => p.sessionId === sessionId && this.forget(p.userId)),
      connection.on('participant:removed', (p) => p.sessionId === sessionId && this.forget(p.userId)),
    );
    void api
      .call(routes.listParticipants, { params: { id: sessionId }, query: {} })
      .then(({ participants }) => {
        this.applyParticipants(participants);
        return this.greetGuests();
      })
      .catch((err: unknown) => this.events.emit('error', { message: String(err) }));
  }

  on<K extends keyof GuestHostEvents>(event: K, listener: (payload: GuestHostEvents[K]) => void): () => void {
    return this.events.on(event, listener);
  }

  guests(): RemoteGuest[] {
    return [...this.links.entries()].map(([userId, entry]) => {
      const p = this.participants.get(userId);
      return {
        userId,
        displayName: p?.displayName ?? userId,
        stream: entry.stream,
        state: entry.link.state,
        audioEnabled: p?.audioEnabled ?? true,
        videoEnabled: p?.videoEnabled ?? true,
      };
    });
  }

  async setProgram(stream: MediaStream | null): Promise<void> {
    this.program = stream;
    await Promise.all([...this.links.keys()].map((userId) => this.sendProgram(userId)));
  }

  /** The program's picture and the guest's own mix-minus (or the program's sound without one). */
  private async sendProgram(userId: string): Promise<void> {
    const entry = this.links.get(userId);
    if (!entry) return;
    const program = this.program;
    if (!program) return syncSenders(entry.link.pc, [], new MediaStream());
    const audio = this.options.returnAudio ? [this.options.returnAudio.track(userId)] : program.getAudioTracks();
    const tracks = [...program.getVideoTracks(), ...audio];
    await syncSenders(entry.link.pc, tracks, new MediaStream(tracks));
  }

  async setGuestMedia(userId: string, flags: { audioEnabled?: boolean; videoEnabled?: boolean }): Promise<void> {
    const { participant } = await this.options.api.call(routes.updateParticipant, {
      params: { id: this.options.sessionId, userId },
      body: flags,
    });
    this.participants.set(userId, participant);
    this.enforceFlags(userId);
    this.emitGuests();
  }

  stop(): void {
    this.unsubscribers.splice(0).forEach((u) => u());
    for (const userId of [...this.links.keys()]) this.dropGuest(userId);
    this.router.close();
  }

  /**
   * A (re)loaded host tells every guest on stage to start over at once instead of waiting for its
   * watchdog; each guest answers with its hello, and the host links as usual (it stays impolite).
   */
  private async greetGuests(): Promise<void> {
    const onStage = [...this.participants.values()].filter((p) => isStageGuest(p.role) && p.connected && !this.links.has(p.userId));
    await Promise.all(onStage.map((p) => this.router.send(p.userId, { restart: true, channel: GUEST_CHANNEL })));
  }

  /**
   * Links only with someone on stage right now (guest or moderator in the roster). The relay refuses
   * stage signals from anyone else; this is the second lock, so a viewer can never push their camera
   * into the Guests panel or learn the studio's addresses. A hello from someone not yet in our roster
   * (their seat and their hello raced) is checked against a fresh roster once.
   */
  private async connectGuest(userId: string): Promise<void> {
    if (!this.isOnStage(userId)) await this.refreshParticipants();
    if (!this.isOnStage(userId)) return;
    const iceServers = await this.iceServers;
    if (!this.isOnStage(userId)) return;
    this.dropGuest(userId, false);
    const link = new PeerLink({ router: this.router, peerId: userId, channel: GUEST_CHANNEL, polite: false, iceServers });
    const entry: GuestEntry = { link, stream: new MediaStream() };
    this.links.set(userId, entry);
    link.on('track', ({ track }) => {
      entry.stream.getTracks().filter((t) => t.kind === track.kind).forEach((t) => entry.stream.removeTrack(t));
      entry.stream.addTrack(track);
      this.enforceFlags(userId);
      this.emitGuests();
    });
    link.on('state', () => this.emitGuests());
    // Receive the guest's camera and mic even before the program exists.
    link.pc.addTransceiver('audio', { direction: 'recvonly' });
    link.pc.addTransceiver('video', { direction: 'recvonly' });
    await this.sendProgram(userId);
    this.emitGuests();
  }

  private isOnStage(userId: string): boolean {
    const p = this.participants.get(userId);
    return p !== undefined && isStageGuest(p.role);
  }

  private async refreshParticipants(): Promise<void> {
    try {
      const { participants } = await this.options.api.call(routes.listParticipants, { params: { id: this.options.sessionId }, query: {} });
      this.applyParticipants(participants);
    } catch {
      // Unknown stays unknown: no link.
    }
  }

  /** Someone left the stage for good (banned, removed): their link and roster entry go now. */
  private forget(userId: string): void {
    this.participants.delete(userId);
    this.dropGuest(userId);
  }

  private applyParticipants(list: Participant[]): void {
    this.participants = new Map(list.map((p) => [p.userId, p]));
    for (const userId of [...this.links.keys()]) {
      const p = this.participants.get(userId);
      if (!p || !isStageGuest(p.role)) this.dropGuest(userId);
      else this.enforceFlags(userId);
    }
    this.emitGuests();
  }

  private enforceFlags(userId: string): void {
    const entry = this.links.get(userId);
    const p = this.participants.get(userId);
    if (!entry || !p) return;
    for (const track of entry.stream.getAudioTracks()) track.enabled = p.audioEnabled;
    for (const track of entry.stream.getVideoTracks()) track.enabled = p.videoEnabled;
  }

  private dropGuest(userId: string, announce = true): void {
    const entry = this.links.get(userId);
    if (!entry) return;
    this.links.delete(userId);
    entry.link.close();
    this.options.returnAudio?.release(userId);
    if (announce) this.emitGuests();
  }

  private emitGuests(): void {
    this.events.emit('guests', this.guests());
  }
}
