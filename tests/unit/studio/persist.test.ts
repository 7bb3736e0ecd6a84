import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SettingsStore } from '../../../src-renderer/platform/settings.js';
import { COLLECTION_KEY, persistCollection, restoreCollection } from '../../../src-renderer/studio/scenes/persist.js';
import { makeStore } from './make-store.js';

/** A SettingsStore kept in a Map, serialising like localStorage does. */
function memorySettings(): SettingsStore & { raw: Map<string, string> } {
  const raw = new Map<string, string>();
  return {
    raw,
    load: async (key) => (raw.has(key) ? (JSON.parse(raw.get(key) as string) as unknown) : null),
    save: async (key, value) => void raw.set(key, JSON.stringify(value)),
  };
}

describe('scene collection persistence', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('saves edits (coalesced) and restores them into a fresh store', async () => {
    const settings = memorySettings();
    const store = makeStore();
    const saver = persistCollection(store, settings, 500);
    store.getState().addSource('text', { style: { text: 'Bonjour' } });
    store.getState().addScene('Break');
    expect(settings.raw.size).toBe(0);
    await vi.advanceTimersByTimeAsync(500);
    saver.stop();

    const restored = makeStore();
    expect(await restoreCollection(restored, settings)).toBe(true);
    expect(restored.getState().scenes.map((s) => s.name)).toEqual(['Scene', 'Break']);
    const text = restored.getState().scenes[0]!.sources[0]!;
    expect(text.kind === 'text' && text.style.text).toBe('Bonjour');
  });

  it('writes a pending change at once when flushed (page hidden or closing)', async () => {
    const settings = memorySettings();
    const store = makeStore();
    const saver = persistCollection(store, settings, 60_000);
    store.getState().addScene('Outro');
    saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    saver.stop();
    const restored = makeStore();
    expect(await restoreCollection(restored, settings)).toBe(true);
    expect(restored.getState().scenes.map((s) => s.name)).toContain('Outro');
  });

  it('ignores a damaged or foreign saved collection', async () => {
    const settings = memorySettings();
    settings.raw.set(COLLECTION_KEY, JSON.stringify({ version: 1, scenes: [{ id: 'x', name: 'x', sources: [{ kind: 'laser' }] }] }));
    const store = makeStore();
    const before = store.getState().scenes;
    expect(await restoreCollection(store, settings)).toBe(false);
    expect(store.getState().scenes).toBe(before);
  });
});
