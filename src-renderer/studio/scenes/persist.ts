import type { SettingsStore } from '../../platform/settings.js';
import { SceneCollection } from './model/types.js';
import type { StudioStore } from '../store/index.js';

export const COLLECTION_KEY = 'scene-collection';

/** Loads the saved scene collection, ignoring anything that does not parse (an old or damaged file). */
export async function restoreCollection(store: StudioStore, settings: SettingsStore): Promise<boolean> {
  const parsed = SceneCollection.safeParse(await settings.load(COLLECTION_KEY).catch(() => null));
  if (parsed.success) store.getState().loadCollection(parsed.data);
  return parsed.success;
}

/**
 * Saves the collection shortly after each change (coalescing drags into one write). `flush` writes a
 * pending change now: the page calls it on `pagehide`, so a reload right after an edit keeps it.
 */
export function persistCollection(store: StudioStore, settings: SettingsStore, delayMs = 500): { flush: () => void; stop: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;
  const save = () => {
    clearTimeout(timer);
    if (!dirty) return;
    dirty = false;
    void settings.save(COLLECTION_KEY, store.getState().collection()).catch(() => undefined);
  };
  const unsubscribe = store.subscribe((state, prev) => {
    const changed =
      state.scenes !== prev.scenes ||
      state.programSceneId !== prev.programSceneId ||
      state.previewSceneId !== prev.previewSceneId ||
      state.transition !== prev.transition ||
      state.studioMode !== prev.studioMode;
    if (!changed) return;
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  });
  return {
    flush: save,
    stop() {
      clearTimeout(timer);
      unsubscribe();
    },
  };
}
