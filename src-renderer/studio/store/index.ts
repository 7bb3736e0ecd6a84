import { createStore, type StoreApi } from 'zustand/vanilla';
import { createOutputSlice } from '../media/output/output-slice.js';
import { createAuthSlice } from '../shell/auth/auth-slice.js';
import { createScenesSlice } from '../scenes/scenes-slice.js';
import { createSourcesSlice } from '../sources/sources-slice.js';
import type { StoreDeps, StudioState } from './types.js';

export type StudioStore = StoreApi<StudioState>;
export type { StudioState, StoreDeps } from './types.js';

/** The one studio store, built from its slices. Each call makes a fresh store (tests make one each). */
export function createStudioStore(deps: StoreDeps): StudioStore {
  return createStore<StudioState>()((...a) => ({
    ...createAuthSlice(deps)(...a),
    ...createScenesSlice(deps)(...a),
    ...createSourcesSlice(deps)(...a),
    ...createOutputSlice(...a),
  }));
}

/** Scene lookups used by the UI and the compositor. */
export const selectScene = (state: StudioState, id: string) => state.scenes.find((s) => s.id === id) ?? null;
export const selectPreviewScene = (state: StudioState) => selectScene(state, state.previewSceneId);
export const selectProgramScene = (state: StudioState) => selectScene(state, state.programSceneId);
export const selectSelectedSource = (state: StudioState) =>
  selectPreviewScene(state)?.sources.find((s) => s.id === state.selectedSourceId) ?? null;
