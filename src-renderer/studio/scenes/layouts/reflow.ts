import type { OutputFormat } from '../../media/compositor/compositor.js';
import type { StudioStore } from '../../store/index.js';
import { applyLayout, memberKey } from './arrange.js';
import type { LayoutKind } from '../model/types.js';

/** How often the output size is compared (another panel may switch to a vertical preset). */
const FORMAT_CHECK_MS = 1_000;

/**
 * Keeps scenes that have a layout laid out: when a guest, camera or screen comes or goes, or the
 * output size changes (landscape ↔ portrait presets), the layout is applied again. Returns the stop function.
 */
export function keepLayouts(store: StudioStore, format: () => OutputFormat): () => void {
  const seen = new Map<string, string>();
  let size = '';
  const reflow = (force: boolean) => {
    const { scenes } = store.getState();
    const { width, height } = format();
    const canvas = { w: width, h: height };
    let changed = false;
    const next = scenes.map((scene) => {
      if (!scene.layout) return scene;
      const key = memberKey(scene);
      if (!force && seen.get(scene.id) === key) return scene;
      seen.set(scene.id, key);
      changed = true;
      return applyLayout(scene, scene.layout, canvas);
    });
    if (changed) store.setState({ scenes: next });
  };
  const unsubscribe = store.subscribe((state, prev) => state.scenes !== prev.scenes && reflow(false));
  const timer = setInterval(() => {
    const { width, height } = format();
    const now = `${width}x${height}`;
    if (now !== size) {
      size = now;
      reflow(true);
    }
  }, FORMAT_CHECK_MS);
  reflow(false);
  return () => {
    unsubscribe();
    clearInterval(timer);
  };
}

/** One click: lays the scene out now and keeps it so as guests come and go. */
export function chooseLayout(store: StudioStore, sceneId: string, kind: LayoutKind, format: OutputFormat): void {
  const canvas = { w: format.width, h: format.height };
  store.setState({ scenes: store.getState().scenes.map((s) => (s.id === sceneId ? applyLayout(s, kind, canvas) : s)) });
}

/** Back to free placement: sources stay where they are and stop moving by themselves. */
export function clearLayout(store: StudioStore, sceneId: string): void {
  store.setState({ scenes: store.getState().scenes.map((s) => (s.id === sceneId ? { ...s, layout: undefined } : s)) });
}
