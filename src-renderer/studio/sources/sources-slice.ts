import { makeSource } from '../scenes/model/defaults.js';
import { formatOf, isPortrait } from '../media/output/presets.js';
import { applyTransform, mapSource, moveItem, uniqueName } from '../scenes/model/scene-ops.js';
import { Source, type Scene } from '../scenes/model/types.js';
import type { Slice, StoreDeps, StudioState } from '../store/types.js';
import type { NewSourceOptions } from '../scenes/model/defaults.js';
import type { AudioSettings, SourceKind, Transform } from '../scenes/model/types.js';

const KIND_NAMES: Record<Source['kind'], string> = {
  camera: 'Camera',
  microphone: 'Microphone',
  screen: 'Screen',
  image: 'Image',
  text: 'Text',
  color: 'Colour',
  guest: 'Guest',
  alerts: 'Alerts',
};

function sceneOf(state: StudioState, sourceId: string): Scene | undefined {
  return state.scenes.find((scene) => scene.sources.some((s) => s.id === sourceId));
}

export type SourcePatch = Partial<Omit<Source, 'id' | 'kind' | 'transform'>> & Record<string, unknown>;

export interface SourcesSlice {
  selectedSourceId: string | null;
  /** Adds a source on top of the edited (preview) scene and selects it. */
  addSource(kind: SourceKind, opts?: NewSourceOptions & { name?: string }): string;
  removeSource(id: string): void;
  renameSource(id: string, name: string): void;
  /** Kind-specific settings (text style, colour, image url, device). */
  updateSource(id: string, patch: SourcePatch): void;
  setTransform(id: string, patch: Partial<Transform>): void;
  setAudio(id: string, patch: Partial<AudioSettings>): void;
  /** Changes z-order: index 0 is drawn first (bottom). */
  moveSource(id: string, toIndex: number): void;
  selectSource(id: string | null): void;
}

export const createSourcesSlice =
  (deps: StoreDeps): Slice<SourcesSlice> =>
  (set, get) => {
    /** Replaces one source (wherever it lives) with `fn(source)`. */
    function editSource(id: string, fn: (source: Source) => Source): void {
      const owner = sceneOf(get(), id);
      if (!owner) return;
      set({ scenes: get().scenes.map((scene) => (scene === owner ? mapSource(scene, id, fn) : scene)) });
    }

    return {
      selectedSourceId: null,

      addSource(kind, opts = {}) {
        const { previewSceneId, scenes } = get();
        const scene = scenes.find((s) => s.id === previewSceneId);
        const id = deps.newId();
        if (!scene) return id;
        const base = opts.name ?? (kind === 'guest' && opts.displayName ? opts.displayName : KIND_NAMES[kind]);
        const made = makeSource(id, kind, uniqueName(base, scene.sources.map((s) => s.name)), opts);
        // A landscape camera in a portrait output fills the frame (edges cut), as phone lives look.
        const portrait = isPortrait(formatOf(get().output));
        const source = portrait && kind === 'camera' ? { ...made, transform: { ...made.transform, fit: 'fill' as const } } : made;
        set({
          scenes: scenes.map((s) => (s.id === scene.id ? { ...s, sources: [...s.sources, source] } : s)),
          selectedSourceId: id,
        });
        return id;
      },
      removeSource(id) {
        set({
          scenes: get().scenes.map((scene) => ({ ...scene, sources: scene.sources.filter((s) => s.id !== id) })),
          selectedSourceId: get().selectedSourceId === id ? null : get().selectedSourceId,
        });
      },
      renameSource(id, name) {
        const trimmed = name.trim().slice(0, 100);
        if (trimmed) editSource(id, (s) => ({ ...s, name: trimmed }));
      },
      updateSource(id, patch) {
        editSource(id, (s) => {
          // Parse the merged source so a patch can never produce a source of the wrong shape.
          const parsed = Source.safeParse({ ...s, ...patch, id: s.id, kind: s.kind, transform: s.transform });
          return parsed.success ? parsed.data : s;
        });
      },
      setTransform(id, patch) {
        editSource(id, (s) => ({ ...s, transform: applyTransform(s.transform, patch) }));
      },
      setAudio(id, patch) {
        editSource(id, (s) => ('audio' in s ? { ...s, audio: { ...s.audio, ...patch } } : s));
      },
      moveSource(id, toIndex) {
        const owner = sceneOf(get(), id);
        if (!owner) return;
        const sources = moveItem(owner.sources, owner.sources.findIndex((s) => s.id === id), toIndex);
        set({ scenes: get().scenes.map((scene) => (scene === owner ? { ...scene, sources } : scene)) });
      },
      selectSource(id) {
        set({ selectedSourceId: id });
      },
    };
  };
