import { describe, expect, it } from 'vitest';
import { SceneCollection } from '../../../src-renderer/studio/scenes/model/types.js';
import { makeStore } from './make-store.js';

describe('studio store: scenes', () => {
  it('starts with one scene on program and preview', () => {
    const s = makeStore().getState();
    expect(s.scenes).toHaveLength(1);
    expect(s.programSceneId).toBe(s.scenes[0]?.id);
    expect(s.previewSceneId).toBe(s.programSceneId);
  });

  it('adds scenes with unique names, renames, and reorders them', () => {
    const store = makeStore();
    const a = store.getState().addScene();
    const b = store.getState().addScene();
    expect(store.getState().scenes.map((s) => s.name)).toEqual(['Scene', 'Scene 2', 'Scene 3']);
    store.getState().renameScene(a, '  Intro  ');
    store.getState().renameScene(b, '   ');
    expect(store.getState().scenes.map((s) => s.name)).toEqual(['Scene', 'Intro', 'Scene 3']);
    store.getState().moveScene(b, 0);
    expect(store.getState().scenes.map((s) => s.id)[0]).toBe(b);
  });

  it('duplicates a scene with fresh ids and an independent copy of its sources', () => {
    const store = makeStore();
    const original = store.getState().scenes[0]!.id;
    const src = store.getState().addSource('text', { style: { text: 'hello' } });
    const copy = store.getState().duplicateScene(original)!;
    const copied = store.getState().scenes.find((s) => s.id === copy)!;
    expect(copied.name).toBe('Scene 2');
    expect(copied.sources).toHaveLength(1);
    expect(copied.sources[0]!.id).not.toBe(src);
    store.getState().setTransform(src, { x: 0.5 });
    expect(copied.sources[0]!.transform.x).toBe(0.05);
  });

  it('never deletes the last scene and replaces a deleted program scene by its neighbour', () => {
    const store = makeStore();
    const first = store.getState().scenes[0]!.id;
    expect(store.getState().deleteScene(first)).toBe(false);
    const second = store.getState().addScene();
    store.getState().selectScene(second);
    expect(store.getState().programSceneId).toBe(second);
    expect(store.getState().deleteScene(second)).toBe(true);
    expect(store.getState().programSceneId).toBe(first);
    expect(store.getState().previewSceneId).toBe(first);
  });

  it('switches program directly outside studio mode and through preview inside it', () => {
    const store = makeStore();
    const first = store.getState().scenes[0]!.id;
    const second = store.getState().addScene();
    store.getState().selectSceneByNumber(2);
    expect(store.getState().programSceneId).toBe(second);

    store.getState().setStudioMode(true);
    store.getState().selectSceneByNumber(1);
    expect(store.getState().previewSceneId).toBe(first);
    expect(store.getState().programSceneId).toBe(second);
    store.getState().takeToProgram();
    expect(store.getState().programSceneId).toBe(first);

    store.getState().selectSceneByNumber(9); // no ninth scene: nothing changes
    expect(store.getState().previewSceneId).toBe(first);
  });

  it('leaving studio mode shows the program scene for editing', () => {
    const store = makeStore();
    const second = store.getState().addScene();
    store.getState().setStudioMode(true);
    store.getState().selectScene(second);
    store.getState().setStudioMode(false);
    expect(store.getState().previewSceneId).toBe(store.getState().programSceneId);
  });

  it('round-trips the scene collection through its schema', () => {
    const store = makeStore();
    store.getState().addSource('camera');
    store.getState().addScene('Break');
    store.getState().setTransition('fade', 500);
    const saved = JSON.parse(JSON.stringify(store.getState().collection()));
    const other = makeStore();
    other.getState().loadCollection(SceneCollection.parse(saved));
    expect(other.getState().scenes).toEqual(store.getState().scenes);
    expect(other.getState().transition).toEqual({ kind: 'fade', durationMs: 500 });
  });
});
