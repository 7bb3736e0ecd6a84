import { cloneScene, moveItem, uniqueName } from './model/scene-ops.js';
import type { Scene, SceneCollection, TransitionKind } from './model/types.js';
import type { Slice, StoreDeps } from '../store/types.js';

const DEFAULT_FADE_MS = 300;

export interface ScenesSlice {
  scenes: Scene[];
  programSceneId: string;
  /** The scene being edited; equals the program scene unless studio mode is on. */
  previewSceneId: string;
  studioMode: boolean;
  transition: { kind: TransitionKind; durationMs: number };
  addScene(name?: string): string;
  renameScene(id: string, name: string): void;
  duplicateScene(id: string): string | null;
  deleteScene(id: string): boolean;
  moveScene(id: string, toIndex: number): void;
  /** Studio mode: puts the scene in preview. Otherwise: puts it on program. */
  selectScene(id: string): void;
  /** Hotkeys 1..9. */
  selectSceneByNumber(n: number): void;
  setStudioMode(on: boolean): void;
  setTransition(kind: TransitionKind, durationMs?: number): void;
  /** Studio mode: sends preview to program. */
  takeToProgram(): void;
  loadCollection(collection: SceneCollection): void;
  collection(): SceneCollection;
}

export function initialScenes(newId: () => string): Pick<ScenesSlice, 'scenes' | 'programSceneId' | 'previewSceneId'> {
  const first: Scene = { id: newId(), name: 'Scene', sources: [] };
  return { scenes: [first], programSceneId: first.id, previewSceneId: first.id };
}

export const createScenesSlice =
  (deps: StoreDeps): Slice<ScenesSlice> =>
  (set, get) => ({
    ...initialScenes(deps.newId),
    studioMode: false,
    transition: { kind: 'cut', durationMs: DEFAULT_FADE_MS },

    addScene(name) {
      const scene: Scene = { id: deps.newId(), name: uniqueName(name ?? 'Scene', get().scenes.map((s) => s.name)), sources: [] };
      set({ scenes: [...get().scenes, scene] });
      return scene.id;
    },
    renameScene(id, name) {
      const trimmed = name.trim().slice(0, 100);
      if (!trimmed) return;
      set({ scenes: get().scenes.map((s) => (s.id === id ? { ...s, name: trimmed } : s)) });
    },
    duplicateScene(id) {
      const { scenes } = get();
      const index = scenes.findIndex((s) => s.id === id);
      const original = scenes[index];
      if (!original) return null;
      const copy = cloneScene(original, deps.newId, uniqueName(original.name, scenes.map((s) => s.name)));
      const next = [...scenes];
      next.splice(index + 1, 0, copy);
      set({ scenes: next });
      return copy.id;
    },
    deleteScene(id) {
      const { scenes, programSceneId, previewSceneId } = get();
      const index = scenes.findIndex((s) => s.id === id);
      if (index < 0 || scenes.length === 1) return false;
      const next = scenes.filter((s) => s.id !== id);
      // A removed program/preview scene is replaced by its neighbour, so something is always on air.
      const neighbour = (next[Math.min(index, next.length - 1)] as Scene).id;
      set({
        scenes: next,
        programSceneId: programSceneId === id ? neighbour : programSceneId,
        previewSceneId: previewSceneId === id ? neighbour : previewSceneId,
      });
      return true;
    },
    moveScene(id, toIndex) {
      const { scenes } = get();
      set({ scenes: moveItem(scenes, scenes.findIndex((s) => s.id === id), toIndex) });
    },
    selectScene(id) {
      if (!get().scenes.some((s) => s.id === id)) return;
      if (get().studioMode) set({ previewSceneId: id, selectedSourceId: null });
      else set({ previewSceneId: id, programSceneId: id, selectedSourceId: null });
    },
    selectSceneByNumber(n) {
      const scene = get().scenes[n - 1];
      if (scene) get().selectScene(scene.id);
    },
    setStudioMode(on) {
      // Leaving studio mode shows what is on air, so the editor never edits an off-air scene unknowingly.
      set(on ? { studioMode: true } : { studioMode: false, previewSceneId: get().programSceneId });
    },
    setTransition(kind, durationMs) {
      set({ transition: { kind, durationMs: durationMs ?? get().transition.durationMs } });
    },
    takeToProgram() {
      set({ programSceneId: get().previewSceneId });
    },
    loadCollection(c) {
      const has = (id: string) => c.scenes.some((s) => s.id === id);
      const first = (c.scenes[0] as Scene).id;
      set({
        scenes: c.scenes,
        programSceneId: has(c.programSceneId) ? c.programSceneId : first,
        previewSceneId: has(c.previewSceneId) ? c.previewSceneId : first,
        transition: c.transition,
        studioMode: c.studioMode,
        selectedSourceId: null,
      });
    },
    collection() {
      const { scenes, programSceneId, previewSceneId, transition, studioMode } = get();
      return { version: 1, scenes, programSceneId, previewSceneId, transition, studioMode };
    },
  });
