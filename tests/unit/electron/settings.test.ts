import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RELAY_URL, openSettingsStore } from '../../../src-main/features/settings/store.js';
import { registerSettingsIpc } from '../../../src-main/features/settings/ipc.js';
import { call, fakeRouter, valueOf } from './support/fake-ipc.js';
import { useTempDirs } from './support/temp-dir.js';

const tempDir = useTempDirs();

async function setup(options: { relayUrlOverride?: string; content?: string } = {}) {
  const file = join(await tempDir(), 'settings.json');
  if (options.content !== undefined) await writeFile(file, options.content);
  const store = await openSettingsStore({ file, relayUrlOverride: options.relayUrlOverride });
  const { ipc, router } = fakeRouter();
  registerSettingsIpc(router, store);
  return { file, store, ipc };
}

describe('settings', () => {
  it('starts from defaults and saves an update to disk for the next start', async () => {
    const { file, ipc } = await setup();
    expect(valueOf(await call(ipc, 'settings:get', {}))).toEqual({
      relayUrl: DEFAULT_RELAY_URL,
      language: 'en',
      recordingsFolder: null,
      relayUrlOverridden: false,
    });
    const updated = valueOf(await call(ipc, 'settings:update', { language: 'fr', relayUrl: 'https://relay.example:8443' }));
    expect(updated).toMatchObject({ language: 'fr', relayUrl: 'https://relay.example:8443' });
    const reopened = await openSettingsStore({ file });
    expect(reopened.get()).toEqual(updated);
  });

  it('keeps the valid fields of a damaged file and defaults the rest', async () => {
    const { store } = await setup({
      content: JSON.stringify({ relayUrl: 'ftp://nope', language: 'fr', recordingsFolder: 12}),
    });
    expect(store.get()).toEqual({ relayUrl: DEFAULT_RELAY_URL, language: 'fr', recordingsFolder: null, relayUrlOverridden: false });
  });

  it('starts with defaults when the file is not JSON', async () => {
    const { store } = await setup({ content: '{not json' });
    expect(store.get().relayUrl).toBe(DEFAULT_RELAY_URL);
  });

  it('lets AFRITOK_RELAY_URL win without writing it to disk', async () => {
    const { file, ipc } = await setup({ relayUrlOverride: 'http://127.0.0.1:4555' });
    expect(valueOf(await call(ipc, 'settings:get', {}))).toMatchObject({ relayUrl: 'http://127.0.0.1:4555', relayUrlOverridden: true });
    await call(ipc, 'settings:update', { language: 'fr' });
    const onDisk: unknown = JSON.parse(await readFile(file, 'utf8'));
    expect(onDisk).toMatchObject({ relayUrl: DEFAULT_RELAY_URL, language: 'fr' });
  });

  it('refuses a renderer-supplied recordings folder and leaves the file untouched', async () => {
    const { file, ipc } = await setup();
    const result = await call(ipc, 'settings:update', { recordingsFolder: '/etc' });
    expect(result.ok).toBe(false);
    await expect(readFile(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('tells listeners about changes', async () => {
    const { store, ipc } = await setup();
    const seen: string[] = [];
    store.onChange((settings) => seen.push(settings.language));
    await call(ipc, 'settings:update', { language: 'fr' });
    expect(seen).toEqual(['fr']);
  });
});
