import type { StudioStore } from '../store/index.js';

/**
 * Adds a scene and shows it. Off air it goes straight to program, as before; on air it must never
 * replace what viewers see with an empty, silent scene, so studio mode turns on and the new scene
 * waits in preview until the streamer takes it (Transition / Enter).
 */
export function addSceneSafely(store: StudioStore, onAir: boolean, name: string): { id: string; inPreview: boolean } {
  const actions = store.getState();
  const id = actions.addScene(name);
  if (onAir && !actions.studioMode) actions.setStudioMode(true);
  store.getState().selectScene(id);
  return { id, inPreview: onAir };
}
