import { ON_AIR_COUNTDOWN_MS } from '../../../protocol/stage.js';
import type { RelayConnection } from '../../shared/realtime/index.js';
import { createStageClient, type OnAirStatus, type StageClient } from '../../shared/stage/stage-client.js';
import { Emitter } from '../../shared/realtime/emitter.js';
import type { LiveController } from '../live/controller.js';
import { makeSource } from '../scenes/model/defaults.js';
import { newId } from '../scenes/model/ids.js';
import { uniqueName } from '../scenes/model/scene-ops.js';
import type { Scene, Source } from '../scenes/model/types.js';
import type { StudioStore } from '../store/index.js';

type GuestSource = Extract<Source, { kind: 'guest' }>;
const isGuest = (s: Source): s is GuestSource => s.kind === 'guest';

/** Guests visible in the program scene: the people viewers see and hear. */
export function onAirGuests(scenes: readonly Scene[], programSceneId: string): string[] {
  const program = scenes.find((s) => s.id === programSceneId);
  return [...new Set((program?.sources ?? []).filter(isGuest).filter((s) => !s.transform.hidden).map((s) => s.userId))];
}

/**
 * The host's side of the stage: brings guests on air after the 3-second countdown their page shows,
 * takes them off, tells the relay who is on air whenever that changes (guests see ON AIR or Backstage),
 * and clears guests' slots when the live ends so they never reappear in a later live.
 */
export class StageDirector {
  readonly events = new Emitter<{ change: void }>();
  private clientRef: StageClient | null = null;
  private sessionId: string | null = null;
  private readonly cueing = new Map<string, ReturnType<typeof setTimeout>>();
  private announced = '';
  private stageMembers = '';
  private readonly unsubscribers: Array<() => void> = [];

  constructor(
    private readonly deps: { store: StudioStore; live: LiveController; connection: RelayConnection },
  ) {}

  get client(): StageClient | null {
    return this.clientRef;
  }

  start(): void {
    const { store, live, connection } = this.deps;
    this.unsubscribers.push(
      live.subscribe(() => this.followLive()),
      store.subscribe((state, prev) => {
        if (state.scenes !== prev.scenes || state.programSceneId !== prev.programSceneId) void this.announce();
      }),
      connection.onState((s) => {
        if (s !== 'connected') return;
        this.announced = '';
        void this.announce();
      }),
      connection.on('participants:update', (p) => {
        if (p.sessionId !== this.sessionId) return;
        this.stageMembers = p.participants
          .filter((x) => x.role === 'guest' || x.role === 'moderator')
          .map((x) => x.userId)
          .join(',');
        void this.announce();
      }),
    );
    this.followLive();
  }

  stop(): void {
    this.unsubscribers.splice(0).forEach((u) => u());
    this.detach();
  }

  /** Where a guest stands now, as the host sees it. */
  statusOf(userId: string): OnAirStatus {
    if (this.cueing.has(userId)) return 'cueing';
    const { scenes, programSceneId } = this.deps.store.getState();
    return onAirGuests(scenes, programSceneId).includes(userId) ? 'on-air' : 'backstage';
  }

  /** Counts the guest down (their page shows 3-2-1), then puts them in the program scene. */
  bringOn(userId: string, displayName: string): void {
    if (!this.sessionId || this.cueing.has(userId) || this.statusOf(userId) === 'on-air') return;
    const sessionId = this.sessionId;
    this.cueing.set(
      userId,
      setTimeout(() => {
        this.cueing.delete(userId);
        if (this.sessionId === sessionId) this.addToProgram(userId, displayName, sessionId);
        this.changed();
      }, ON_AIR_COUNTDOWN_MS),
    );
    this.changed();
  }

  /** Back to backstage: out of every scene (the guest stays linked, seen and heard by the host only). */
  takeOff(userId: string): void {
    clearTimeout(this.cueing.get(userId));
    this.cueing.delete(userId);
    this.removeGuestSources((s) => s.userId === userId);
    this.changed();
  }

  /** Bumped on every change, for React's useSyncExternalStore. */
  version = 0;

  private changed(): void {
    this.version += 1;
    this.events.emit('change', undefined);
    void this.announce();
  }

  private addToProgram(userId: string, displayName: string, sessionId: string): void {
    const { scenes, programSceneId } = this.deps.store.getState();
    const program = scenes.find((s) => s.id === programSceneId);
    if (!program || program.sources.some((s) => isGuest(s) && s.userId === userId)) return;
    const source = makeSource(newId(), 'guest', uniqueName(displayName || 'Guest', program.sources.map((s) => s.name)), { userId, displayName });
    const tagged: Source = source.kind === 'guest' ? { ...source, sessionId } : source;
    this.deps.store.setState({ scenes: scenes.map((s) => (s.id === program.id ? { ...s, sources: [...s.sources, tagged] } : s)) });
  }

  private removeGuestSources(drop: (s: GuestSource) => boolean): void {
    const { scenes } = this.deps.store.getState();
    if (!scenes.some((scene) => scene.sources.some((s) => isGuest(s) && drop(s)))) return;
    this.deps.store.setState({
      scenes: scenes.map((scene) => ({ ...scene, sources: scene.sources.filter((s) => !(isGuest(s) && drop(s))) })),
    });
  }

  /** Attaches to the live's session, or lets go of it; a live that ended takes its guests' slots with it. */
  private followLive(): void {
    const state = this.deps.live.getSnapshot();
    const ended = state.sessionState === 'ended' || state.sessionState === 'ending';
    const active = state.session && !ended && this.deps.live.channel ? state.session.id : null;
    if (ended && state.session) this.removeGuestSources(() => true);
    if (active === this.sessionId) return;
    this.detach();
    if (!active) return;
    this.sessionId = active;
    // Slots of another (earlier) live never come back.
    this.removeGuestSources((s) => s.sessionId !== active);
    this.clientRef = createStageClient(this.deps.connection, active);
    void this.clientRef.refresh();
    this.changed();
  }

  private detach(): void {
    for (const timer of this.cueing.values()) clearTimeout(timer);
    this.cueing.clear();
    this.clientRef?.stop();
    this.clientRef = null;
    this.sessionId = null;
    this.announced = '';
  }

  private async announce(): Promise<void> {
    const client = this.clientRef;
    if (!client) return;
    const { scenes, programSceneId } = this.deps.store.getState();
    const onAir = onAirGuests(scenes, programSceneId);
    const cueing = [...this.cueing.keys()];
    const key = JSON.stringify([onAir, cueing, this.stageMembers]);
    if (key === this.announced) return;
    this.announced = key;
    // Not through (socket down): say it again on the next change or reconnect.
    if (!(await client.announce(onAir, cueing)) && this.announced === key) this.announced = '';
  }
}
