import { BrowserWindow, screen } from 'electron';
import { buildWebPreferences } from './security/web-preferences.js';
import { fitToDisplays, loadWindowState, saveWindowStateSync } from './features/window-state/store.js';
import { log } from './lib/log.js';

export interface MainWindowOptions {
  preloadPath: string;
  url: string;
  windowStateFile: string;
  title: string;
}

/** The studio window: hardened preferences, remembered bounds, shown once painted. */
export async function createMainWindow(options: MainWindowOptions): Promise<BrowserWindow> {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const state = fitToDisplays(await loadWindowState(options.windowStateFile), workAreas);
  const window = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: options.title,
    backgroundColor: '#0f1115',
    webPreferences: buildWebPreferences(options.preloadPath),
  });
  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize();
    window.show();
  });
  window.on('close', () => {
    try {
      saveWindowStateSync(options.windowStateFile, window.getNormalBounds(), window.isMaximized());
    } catch (err) {
      log.warn('could not save the window state', err);
    }
  });
  // A failed load (dev server down, aborted navigation) is logged; the window stays so the user sees it.
  window.loadURL(options.url).catch((err: unknown) => log.error(`could not load ${options.url}`, err));
  return window;
}
