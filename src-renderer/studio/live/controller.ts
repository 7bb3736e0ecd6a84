import { routes } from '../../../protocol/routes.js';
import type { CreateSessionBody, Session, SessionState } from '../../../protocol/sessions.js';
import type { HlsHealth, ViewerPaths } from '../../../protocol/hls.js';
import { RelayError, type ApiClient } from '../../shared/api/client.js';
import { createSessionChannel, type RelayConnection, type SessionChannel } from '../../shared/realtime/index.js';
import {
  chooseTransport,
  createGuestHost,
  createProgramPublisher,
  type GuestHost,
  type ProgramPublisher,
  type RemoteGuest,
  type ReturnAudio,
  type UploadStatus,
} from '../../shared/media/index.js';
import { Emitter } from '../../shared/realtime/emitter.js';
import { toKbps } from './bitrate.js';

export type LivePhase = 'idle' | 'creating' | 'live' | 'ending' | 'error';

export interface LiveStats {
  fps: number;
  bitrateKbps: number;
  droppedFrames: number;
  viewers: number;
  durationMs: number;
}

export interface LiveState {
  phase: LivePhase;
  session: Session | null;
  /** The relay's session state as last heard (session:state), shown at all times. */
  sessionState: SessionState | null;
  /** Error code of the last failure. */
  error: string | null;
  stats: LiveStats;
  /** Guests whose media reaches us through the guest mesh. */
  guests: RemoteGuest[];
  /** How the program reaches viewers (the relay decides per session), and the WHIP upload's health. */
  media: LiveMedia;
  /** Viewers per delivery path (WebRTC / LL-HLS) as the relay last said; null until it did. */
  paths: ViewerPaths | null;
  /** The live's LL-HLS (`restarting`: HLS viewers are moved to WebRTC) or its recording (`diskFull`, `diskError`: paused). */
  hlsHealth: HlsHealth;
}

export interface LiveMedia {
  transport: 'p2p' | 'whip' | null;
  /** Only for WHIP: one upload to the relay's forwarder (or an external media server). */
  upload: UploadStatus | null;
}

const NO_MEDIA: LiveMedia = { transport: null, upload: null };

export interface LiveDeps {
  api: ApiClient;
  connection: RelayConnection;
  getSelfId: () => string | null;
  /** The program stream to publish (canvas + mix). */
  program: () => MediaStream;
  /** The relay token, sent as Bearer on WHIP requests (the studio is not on the relay's origin). */
  getToken?: () => string | null;
  /** Each guest's mix-minus (the program's sound without their own voice). */
  returnAudio?: ReturnAudio;
  /** The set of guest streams changed (the engine re-reads guest sources); [] once the live is left. */
  onGuests?: (guests: RemoteGuest[]) => void;
}

const EMPTY_STATS: LiveStats = { fps: 0, bitrateKbps: 0, droppedFrames: 0, viewers: 0, durationMs: 0 };

function codeOf(err: unknown): string {
  return err instanceof RelayError ? err.error.code : err instanceof Error ? err.message : 'unavailable';
}

/**
 * Going live and back: create + start the session over HTTP, join its room through a SessionChannel,
 * publish the program to viewers. Not a React component: the UI reads `getSnapshot` and calls methods.
 */
export class LiveController {
  private readonly events = new Emitter<{ change: LiveState }>();
  private state: LiveState = { phase: 'idle', session: null, sessionState: null, error: null, stats: EMPTY_STATS, guests: [], media: NO_MEDIA, paths: null, hlsHealth: 'ok' };
  private channelRef: SessionChannel | null = null;
  private publisher: ProgramPublisher | null = null;
  private guestHostRef: GuestHost | null = null;
  private readonly cleanups: Array<() => void> = [];

  constructor(private readonly deps: LiveDeps) {}

  readonly subscribe = (listener: () => void): (() => void) => this.events.on('change', listener);
  readonly getSnapshot = (): LiveState => this.state;

  get channel(): SessionChannel | null {
    return this.channelRef;
  }

  get guestHost(): GuestHost | null {
    return this.guestHostRef;
  }

  /** `record`: the go-live form's recording switch (the relay's default, on for public lives, when absent). */
  async goLive(form: CreateSessionBody, options: { record?: boolean } = {}): Promise<void> {
    if (this.state.phase === 'creating' || this.state.phase === 'live') return;
    this.patch({ phase: 'creating', error: null, stats: EMPTY_STATS });
    try {
      const { session } = await this.deps.api.call(routes.createSession, { body: form });
      this.patch({ session, sessionState: session.state });
      if (options.record !== undefined) {
        // Set before the start so no second is recorded against the host's choice; the live switch shows
        // what the relay holds if this fails (a relay without recordings still goes live).
        await this.deps.api.call(routes.setRecording, { params: { id: session.id }, body: { enabled: options.record } }).catch(() => undefined);
      }
      await this.attach(session);
      const started = await this.deps.api.call(routes.startSession, { params: { id: session.id } });
      this.patch({ phase: 'live', session: started.session, sessionState: started.session.state });
      await this.publishWhip();
    } catch (err) {
      this.patch({ phase: 'error', error: codeOf(err) });
    }
  }

  /** Picks up a session we host that is still running (after a reload). */
  async resume(): Promise<void> {
    if (this.channelRef || this.state.phase === 'creating') return;
    try {
      const { session } = await this.deps.api.call(routes.currentSession);
      if (!session || session.hostId !== this.deps.getSelfId() || session.state === 'ended') return;
      this.patch({ session, sessionState: session.state, phase: session.state === 'pending' ? 'idle' : 'live' });
      await this.attach(session);
      if (session.state === 'pending') {
        const started = await this.deps.api.call(routes.startSession, { params: { id: session.id } });
        this.patch({ phase: 'live', session: started.session, sessionState: started.session.state });
      }
      await this.publishWhip();
    } catch (err) {
      this.patch({ error: codeOf(err) });
    }
  }

  async end(): Promise<void> {
    const session = this.state.session;
    if (!session) return;
    this.patch({ phase: 'ending' });
    try {
      const ended = await this.deps.api.call(routes.endSession, { params: { id: session.id } });
      this.patch({ session: ended.session, sessionState: ended.session.state });
    } catch (err) {
      this.patch({ error: codeOf(err) });
    }
    await this.detach();
    this.patch({ phase: 'idle' });
  }

  /**
   * Stops sending without ending the session (signed out, or the token was revoked): nothing of the
   * studio may keep reaching viewers once its user is gone. The relay ends an abandoned session after
   * LIVE_SESSION_TIMEOUT; signing in again within it resumes the live.
   */
  async leave(): Promise<void> {
    if (!this.channelRef && !this.publisher) return;
    await this.detach();
    this.patch({ phase: 'idle', session: null, sessionState: null, stats: EMPTY_STATS });
  }

  /** Fed once a second with the compositor's measurements (wired in main.tsx). */
  recordFrameStats(fps: number, droppedFrames: number): void {
    if (this.state.phase !== 'live') return;
    const started = this.state.session?.startedAt ? Date.parse(this.state.session.startedAt) : Date.now();
    this.patch({ stats: { ...this.state.stats, fps, droppedFrames, durationMs: Date.now() - started } });
  }

  private async attach(session: Session): Promise<void> {
    const channel = createSessionChannel({
      connection: this.deps.connection,
      sessionId: session.id,
      getSelfId: this.deps.getSelfId,
      // Reaction totals so far, so the dock does not start from zero after a studio reload.
      api: this.deps.api,
    });
    this.channelRef = channel;
    this.cleanups.push(
      channel.on('change', (s) => {
        const state = s.session?.state ?? this.state.sessionState;
        this.patch({ sessionState: state, stats: { ...this.state.stats, viewers: s.viewerCount }, hlsHealth: s.hlsHealth });
        if (state === 'ended' && this.state.phase === 'live') void this.detach().then(() => this.patch({ phase: 'idle' }));
      }),
    );
    this.followDeliveryPaths(session.id, channel);
    // The relay decides (MEDIA_MODE, the session's visibility) and tells viewers the same thing.
    const transport = await chooseTransport(this.deps.api, session.id);
    const publisher = createProgramPublisher({
      connection: this.deps.connection,
      api: this.deps.api,
      sessionId: session.id,
      sessionType: session.type,
      transport,
      getToken: this.deps.getToken,
    });
    this.publisher = publisher;
    this.patch({ media: { transport, upload: null } });
    this.cleanups.push(
      publisher.on('stats', (s) => this.setBitrate(s.sentBitrate)),
      publisher.on('upload', (upload) => this.patch({ media: { transport, upload } })),
    );
    const guestHost = createGuestHost({
      connection: this.deps.connection,
      api: this.deps.api,
      sessionId: session.id,
      returnAudio: this.deps.returnAudio,
    });
    this.guestHostRef = guestHost;
    this.cleanups.push(
      guestHost.on('guests', (guests) => {
        this.patch({ guests });
        this.deps.onGuests?.(guests);
      }),
    );
    // P2P answers viewers as soon as they ask, so it starts now; WHIP needs a started session (publishWhip).
    if (transport === 'p2p') await publisher.publish(this.deps.program());
    await guestHost.setProgram(this.deps.program());
  }

  /**
   * WHIP accepts a publish only once the session is starting or live. A failed upload does not throw:
   * the publisher reports it (`media.upload`, shown by the studio) and retries; it never switches to P2P,
   * which viewers of this session would not use.
   */
  private async publishWhip(): Promise<void> {
    const state = this.state.sessionState;
    if (!this.publisher || this.state.media.transport !== 'whip' || (state !== 'starting' && state !== 'live')) return;
    await this.publisher.publish(this.deps.program());
  }

  /** Viewers per path: asked after every (re-)join, then pushed by the relay (the LL-HLS health comes with the channel). */
  private followDeliveryPaths(sessionId: string, channel: SessionChannel): void {
    const { connection } = this.deps;
    const ask = (): void => {
      void connection.request('viewers:paths', { sessionId }).then((ack) => {
        if (ack.ok && this.channelRef === channel) this.patch({ paths: ack.paths });
      });
    };
    this.cleanups.push(
      connection.on('viewers:paths', (event) => {
        if (event.sessionId === sessionId) this.patch({ paths: event.paths });
      }),
      channel.on('joined', ask),
    );
  }

  private setBitrate(bitsPerSecond: number): void {
    this.patch({ stats: { ...this.state.stats, bitrateKbps: toKbps(bitsPerSecond) } });
  }

  private async detach(): Promise<void> {
    this.cleanups.splice(0).forEach((c) => c());
    this.publisher?.stop();
    this.publisher = null;
    this.guestHostRef?.stop();
    this.guestHostRef = null;
    this.patch({ guests: [], media: NO_MEDIA, paths: null, hlsHealth: 'ok' });
    this.deps.onGuests?.([]);
    const channel = this.channelRef;
    this.channelRef = null;
    await channel?.stop();
  }

  private patch(change: Partial<LiveState>): void {
    this.state = { ...this.state, ...change };
    this.events.emit('change', this.state);
  }
}
