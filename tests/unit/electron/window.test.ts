/**
 * Replaces the `electron` module (sanctioned: no binary under vitest) with a hand-written fake
 * BrowserWindow that records its options, to assert what the real window is created with.
 */
import { EventEmitter } from 'node:events';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { useTempDirs } from './support/temp-dir.js';

class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  loaded: string | null = null;
  maximized = false;
  shown = false;
  bounds = { x: 10, y: 20, width: 1200, height: 800 };
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  async loadURL(url: string): Promise<void> {
    this.loaded = url;
  }
  maximize(): void {
    this.maximized = true;
  }
  show(): void {
    this.shown = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  getNormalBounds() {
    return this.bounds;
  }
}

vi.mock('electron', () => ({
  BrowserWindow: FakeBrowserWindow,
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
}));

const { createMainWindow } = await import('../../../src-main/window.js');
const { buildWebPreferences } = await import('../../../src-main/security/web-preferences.js');
const { loadWindowState, saveWindowState } = await import('../../../src-main/features/window-state/store.js');

const tempDir = useTempDirs();

describe('main window', () => {
  it('is created with the hardened webPreferences and loads our page', async () => {
    const windowStateFile = join(await tempDir(), 'window-state.json');
    await createMainWindow({ preloadPath: '/p/index.cjs', url: 'app://studio/studio.html', windowStateFile, title: 'Afritok Live' });
    const window = FakeBrowserWindow.created.at(-1);
    expect(window?.options.webPreferences).toEqual(buildWebPreferences('/p/index.cjs'));
    expect(window?.options.show).toBe(false);
    expect(window?.loaded).toBe('app://studio/studio.html');
  });

  it('comes back where the user left it, maximized, and saves its bounds on close', async () => {
    const windowStateFile = join(await tempDir(), 'window-state.json');
    await saveWindowState(windowStateFile, { x: 50, y: 60, width: 1300, height: 700 }, true);
    await createMainWindow({ preloadPath: '/p/index.cjs', url: 'app://studio/studio.html', windowStateFile, title: 'x' });
    const window = FakeBrowserWindow.created.at(-1);
    expect(window?.options).toMatchObject({ x: 50, y: 60, width: 1300, height: 700 });
    window?.emit('ready-to-show');
    expect(window?.maximized).toBe(true);
    expect(window?.shown).toBe(true);

    window?.emit('close');
    expect(await loadWindowState(windowStateFile)).toEqual({ x: 10, y: 20, width: 1200, height: 800, maximized: true });
  });
});

describe('the main-process sources', () => {
  const srcMain = fileURLToPath(new URL('../../../src-main/', import.meta.url));

  async function sources(): Promise<Array<{ file: string; text: string }>> {
    const files = (await readdir(srcMain, { recursive: true })).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    return Promise.all(files.map(async (file) => ({ file, text: await readFile(join(srcMain, file), 'utf8') })));
  }

  it('create windows in one place only, with buildWebPreferences', async () => {
    const creating = (await sources()).filter(({ text }) => /new BrowserWindow\s*\(/.test(text));
    expect(creating.map(({ file }) => file)).toEqual(['window.ts']);
    expect(creating[0]?.text).toContain('webPreferences: buildWebPreferences(');
  });

  it('never weaken isolation anywhere', async () => {
    for (const { file, text } of await sources()) {
      expect(text, file).not.toMatch(/sandbox:\s*false|contextIsolation:\s*false|nodeIntegration:\s*true|webSecurity:\s*false/);
    }
  });
});
