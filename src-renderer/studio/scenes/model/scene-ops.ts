import type { Scene, Source, Transform } from './types.js';

/** Pure, immutable operations on a scene list: the store's slices are thin wrappers over these. */

export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= list.length) return [...list];
  const target = Math.max(0, Math.min(list.length - 1, to));
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  if (item !== undefined) copy.splice(target, 0, item);
  return copy;
}

export function mapScene(scenes: readonly Scene[], sceneId: string, fn: (scene: Scene) => Scene): Scene[] {
  return scenes.map((s) => (s.id === sceneId ? fn(s) : s));
}

export function mapSource(scene: Scene, sourceId: string, fn: (source: Source) => Source): Scene {
  return { ...scene, sources: scene.sources.map((s) => (s.id === sourceId ? fn(s) : s)) };
}

/** A name not yet used in `taken`: "Scene 2", "Scene 3", … */
export function uniqueName(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base} ${n}`;
    if (!taken.includes(candidate)) return candidate;
  }
}

/**
 * Applies a transform change. A locked source keeps its geometry; only `locked` and `hidden`
 * may change while it is locked (so it can be unlocked or hidden from the list).
 */
export function applyTransform(current: Transform, patch: Partial<Transform>): Transform {
  if (current.locked) {
    const { locked, hidden } = patch;
    return { ...current, ...(locked === undefined ? {} : { locked }), ...(hidden === undefined ? {} : { hidden }) };
  }
  const next = { ...current, ...patch, crop: { ...current.crop, ...patch.crop } };
  // Never let a source shrink to nothing: it could no longer be grabbed.
  next.w = Math.max(0.01, next.w);
  next.h = Math.max(0.01, next.h);
  return next;
}

/** Copies a scene with fresh ids for it and each of its sources. */
export function cloneScene(scene: Scene, newId: () => string, name: string): Scene {
  return { id: newId(), name, sources: scene.sources.map((s) => ({ ...s, id: newId(), transform: structuredClone(s.transform) })) };
}
