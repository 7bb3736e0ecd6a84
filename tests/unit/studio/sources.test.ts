import { describe, expect, it } from 'vitest';
import { makeStore } from './make-store.js';

const preview = (store: ReturnType<typeof makeStore>) =>
  store.getState().scenes.find((s) => s.id === store.getState().previewSceneId)!;

describe('studio store: sources and transforms', () => {
  it('adds each kind of source on top of the preview scene and selects it', () => {
    const store = makeStore();
    for (const kind of ['camera', 'microphone', 'screen', 'image', 'text', 'color'] as const) store.getState().addSource(kind);
    store.getState().addSource('guest', { userId: 'u1', displayName: 'Awa' });
    const sources = preview(store).sources;
    expect(sources.map((s) => s.kind)).toEqual(['camera', 'microphone', 'screen', 'image', 'text', 'color', 'guest']);
    expect(sources.at(-1)!.name).toBe('Awa');
    expect(store.getState().selectedSourceId).toBe(sources.at(-1)!.id);
  });

  it('adds to the preview scene only', () => {
    const store = makeStore();
    const other = store.getState().addScene();
    store.getState().selectScene(other);
    store.getState().addSource('text');
    expect(store.getState().scenes[0]!.sources).toHaveLength(0);
    expect(preview(store).sources).toHaveLength(1);
  });

  it('moves, resizes and crops a source, never below a grabbable size', () => {
    const store = makeStore();
    const id = store.getState().addSource('camera');
    store.getState().setTransform(id, { x: 0.25, y: 0.1, w: 0.5, h: 0 });
    store.getState().setTransform(id, { crop: { top: 0.1, right: 0, bottom: 0, left: 0.2 } });
    const t = preview(store).sources[0]!.transform;
    expect(t).toMatchObject({ x: 0.25, y: 0.1, w: 0.5, h: 0.01 });
    expect(t.crop).toEqual({ top: 0.1, right: 0, bottom: 0, left: 0.2 });
  });

  it('keeps a locked source in place but lets it be hidden and unlocked', () => {
    const store = makeStore();
    const id = store.getState().addSource('image');
    store.getState().setTransform(id, { locked: true });
    store.getState().setTransform(id, { x: 0.9, w: 0.9 });
    expect(preview(store).sources[0]!.transform).toMatchObject({ x: 0.7, w: 0.25, locked: true });
    store.getState().setTransform(id, { hidden: true });
    store.getState().setTransform(id, { locked: false });
    store.getState().setTransform(id, { x: 0.1 });
    expect(preview(store).sources[0]!.transform).toMatchObject({ x: 0.1, hidden: true, locked: false });
  });

  it('changes z-order', () => {
    const store = makeStore();
    const a = store.getState().addSource('color');
    const b = store.getState().addSource('text');
    const c = store.getState().addSource('image');
    store.getState().moveSource(c, 0);
    expect(preview(store).sources.map((s) => s.id)).toEqual([c, a, b]);
    store.getState().moveSource(c, 99);
    expect(preview(store).sources.map((s) => s.id)).toEqual([a, b, c]);
  });

  it('updates text style, refusing patches of the wrong shape', () => {
    const store = makeStore();
    const id = store.getState().addSource('text');
    store.getState().updateSource(id, { style: { text: 'Bienvenue', font: 'serif', size: 48, color: '#ff0', outlineColor: '#000', outlineWidth: 2 } });
    store.getState().updateSource(id, { style: { text: 'x', size: -5 } });
    const src = preview(store).sources[0]!;
    expect(src.kind === 'text' && src.style).toMatchObject({ text: 'Bienvenue', size: 48, font: 'serif' });
  });

  it('sets mixer settings on audible sources only, and removes sources', () => {
    const store = makeStore();
    const mic = store.getState().addSource('microphone');
    const text = store.getState().addSource('text');
    store.getState().setAudio(mic, { gain: 0.5, muted: true });
    store.getState().setAudio(text, { gain: 0.5 });
    const [m, t] = preview(store).sources;
    expect(m!.kind === 'microphone' && m!.audio).toEqual({ gain: 0.5, muted: true, monitor: false });
    expect('audio' in t!).toBe(false);
    store.getState().removeSource(text);
    expect(preview(store).sources.map((s) => s.id)).toEqual([mic]);
    expect(store.getState().selectedSourceId).toBe(null);
  });
});
