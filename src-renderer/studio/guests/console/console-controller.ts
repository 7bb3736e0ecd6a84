import { createStore, type StoreApi } from 'zustand/vanilla';
import { routes } from '../../../../protocol/routes.js';
import type { Session } from '../../../../protocol/sessions.js';
import type { ApiClient } from '../../../shared/api/client.js';
import { stopStream } from '../../../shared/media/devices.js';
import { createGuestLink, type GuestLinkState } from '../../../shared/media/index.js';
import { createSessionChannel, type RelayConnection, type SessionChannel } from '../../../shared/realtime/index.js';
import { createStageClient, type StageClient } from '../../../shared/stage/stage-client.js';

/** What the guest sends the host: their camera and microphone, or their own studio program (a composed scene). */
export type GuestFeed = 'camera' | 'program';

export interface ConsoleState {
  phase: 'joining' | 'stage' | 'left' | 'ended' | 'error';
  session: Session | null;
  stage: StageClient | null;
  linkState: GuestLinkState;
  program: MediaStream | null;
  feed: GuestFeed;
  /** The camera+mic opened by the pickers (null while the program is sent, or none chosen yet). */
  camera: MediaStream | null;
  flags: { audioEnabled: boolean; videoEnabled: boolean };
  error: unknown;
}

export interface ConsoleDeps {
  api: ApiClient;
  connection: RelayConnection;
  selfId: string;
  /** The studio's own program (canvas + mix), for the "send my program" feed. */
  studioProgram: () => MediaStream;
}

type Link = ReturnType<typeof createGuestLink>;

/**
 * The studio as a guest on someone else's live (after accepting an invitation): joins the session's room,
 * links to its host like the join page does, and sends either a camera+mic or the studio's own program.
 */
export class GuestConsoleController {
  readonly store: StoreApi<ConsoleState>;
  private channel: SessionChannel | null = null;
  private link: Link | null = null;
  private closed = false;

  constructor(
    readonly sessionId: string,
    private readonly deps: ConsoleDeps,
  ) {
    this.store = createStore<ConsoleState>(() => ({
      phase: 'joining',
      session: null,
      stage: null,
      linkState: 'backstage',
      program: null,
      feed: 'camera',
      camera: null,
      flags: { audioEnabled: true, videoEnabled: true },
      error: null,
    }));
  }

  async start(): Promise<void> {
    const { api, connection, selfId } = this.deps;
    try {
      const { session } = await api.call(routes.getSession, { params: { id: this.sessionId } });
      const { participants } = await api.call(routes.listParticipants, { params: { id: this.sessionId }, query: {} });
      if (this.closed) return;
      const channel = createSessionChannel({ connection, sessionId: session.id, getSelfId: () => selfId });
      this.channel = channel;
      const link = createGuestLink({ connection, api, channel, sessionId: session.id, hostId: session.hostId, selfId });
      this.link = link;
      link.on('state', (linkState) => this.store.setState({ linkState }));
      link.on('program', (program) => this.store.setState({ program }));
      link.on('flags', (flags) => this.store.setState({ flags }));
      channel.on('change', (state) => {
        const now = state.session?.state;
        if (now === 'ending' || now === 'ended') void this.close('ended');
      });
      const self = participants.find((p) => p.userId === selfId);
      if (self) link.setParticipant(self);
      const stage = createStageClient(connection, session.id);
      this.store.setState({ phase: 'stage', session, stage });
      void stage.refresh();
      await this.sendCurrentFeed();
    } catch (error) {
      this.store.setState({ phase: 'error', error });
    }
  }

  /** The pickers opened a camera/mic stream (or none). */
  async setCamera(stream: MediaStream | null): Promise<void> {
    const previous = this.store.getState().camera;
    if (previous && previous !== stream) stopStream(previous);
    this.store.setState({ camera: stream });
    if (this.store.getState().feed === 'camera') await this.sendCurrentFeed();
  }

  async setFeed(feed: GuestFeed): Promise<void> {
    this.store.setState({ feed });
    await this.sendCurrentFeed();
  }

  private async sendCurrentFeed(): Promise<void> {
    const { feed, camera } = this.store.getState();
    const stream = feed === 'program' ? this.deps.studioProgram() : camera;
    if (stream && this.link) await this.link.setLocalStream(stream);
  }

  leave(): Promise<void> {
    return this.close('left');
  }

  private async close(phase: 'left' | 'ended'): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // The studio program is the studio's own: only the camera opened here is stopped.
    stopStream(this.store.getState().camera);
    this.store.getState().stage?.stop();
    this.store.setState({ phase, camera: null, program: null });
    const link = this.link;
    this.link = null;
    await link?.leave();
    await this.channel?.stop();
    this.channel = null;
  }
}
