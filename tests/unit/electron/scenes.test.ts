import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSceneStore } from '../../../src-main/features/scenes/store.js';
import { registerScenesIpc } from '../../../src-main/features/scenes/ipc.js';
import { call, fakeRouter, valueOf } from './support/fake-ipc.js';
import { useTempDirs } from './support/temp-dir.js';

const tempDir = useTempDirs();

async function setup() {
  const root = await tempDir();
  const folder = join(root, 'scenes');
  const { ipc, router } = fakeRouter();
  registerScenesIpc(router, createSceneStore(folder, () => new Date('2026-01-02T03:04:05Z')));
  return { root, folder, ipc };
}

const data = { scenes: [{ id: 's1', name: 'Intro', sources: [{ kind: 'camera', x: 0, y: 0 }] }], active: 's1' };

describe('scene collections', () => {
  it('saves, lists, loads and deletes a collection', async () => {
    const { ipc } = await setup();
    expect(valueOf(await call(ipc, 'scenes:list', {}))).toEqual({ names: [] });
    const saved = valueOf(await call(ipc, 'scenes:save', { name: 'Évening show', data }));
    expect(saved).toEqual({ name: 'Évening show', savedAt: '2026-01-02T03:04:05.000Z', data });
    expect(valueOf(await call(ipc, 'scenes:list', {}))).toEqual({ names: ['Évening show'] });
    expect(valueOf(await call(ipc, 'scenes:load', { name: 'Évening show' }))).toEqual(saved);
    valueOf(await call(ipc, 'scenes:delete', { name: 'Évening show' }));
    expect(valueOf(await call(ipc, 'scenes:load', { name: 'Évening show' }))).toBeNull();
  });

  it('refuses names that could leave the folder, and writes nothing', async () => {
    const { root, ipc } = await setup();
    for (const name of ['../escape', '..', 'a/b', 'a\\b', '.hidden', 'CON', '', ' padded ', 'x'.repeat(65)]) {
      const result = await call(ipc, 'scenes:save', { name, data });
      expect(result.ok, name).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('invalid_input');
    }
    expect(await readdir(root)).toEqual([]);
  });

  it('reports a damaged file instead of silently dropping the user’s scenes', async () => {
    const { folder, ipc } = await setup();
    valueOf(await call(ipc, 'scenes:save', { name: 'Main', data }));
    await writeFile(join(folder, 'Main.json'), '{"name":"Main","data":');
    const result = await call(ipc, 'scenes:load', { name: 'Main' });
    expect(result).toMatchObject({ ok: false, error: { code: 'corrupt_file' } });
  });

  it('refuses data that is not JSON-serialisable', async () => {
    const { ipc } = await setup();
    const result = await call(ipc, 'scenes:save', { name: 'Main', data: { when: new Date() } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
