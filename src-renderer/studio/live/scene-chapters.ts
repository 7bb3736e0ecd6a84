import type { RelayConnection } from '../../shared/realtime/index.js';
import type { StudioStore } from '../store/index.js';
import type { LiveController } from './controller.js';

/** What the relay needs to hear: the program scene's name in this live (null: nothing to say). */
export function programChapter(state: { scenes: ReadonlyArray<{ id: string; name: string }>; programSceneId: string }, sessionId: string | null): { sessionId: string; sceneId: string; title: string } | null {
  const scene = state.scenes.find((s) => s.id === state.programSceneId);
  const title = scene?.name.trim() ?? '';
  return sessionId && scene && title ? { sessionId, sceneId: scene.id, title } : null;
}

/**
 * Tells the relay which scene is on program while live (`live:scene`): once when the live starts (or the
 * studio re-attaches to it) and at each switch. The replay lists them as chapters with the scene names.
 * Renaming the scene on program is not a switch and says nothing.
 */
export class SceneChapters {
  /** `sessionId/sceneId` last told to the relay. */
  private told = '';
  private readonly unsubscribers: Array<() => void> = [];

  constructor(private readonly deps: { store: StudioStore; live: LiveController; connection: RelayConnection }) {}

  start(): void {
    const { store, live } = this.deps;
    this.unsubscribers.push(
      live.subscribe(() => this.tell()),
      store.subscribe((state, prev) => {
        if (state.programSceneId !== prev.programSceneId) this.tell();
      }),
    );
    this.tell();
  }

  stop(): void {
    this.unsubscribers.splice(0).forEach((u) => u());
  }

  private tell(): void {
    const live = this.deps.live.getSnapshot();
    const chapter = programChapter(this.deps.store.getState(), live.phase === 'live' && live.sessionState === 'live' ? (live.session?.id ?? null) : null);
    if (!chapter) {
      if (live.phase !== 'live') this.told = '';
      return;
    }
    const key = `${chapter.sessionId}/${chapter.sceneId}`;
    if (key === this.told) return;
    this.told = key;
    void this.deps.connection.request('live:scene', { sessionId: chapter.sessionId, title: chapter.title }).then((ack) => {
      if (!ack.ok) console.warn('the relay did not keep the scene change as a chapter', ack.error);
    });
  }
}
