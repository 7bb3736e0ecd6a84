import type { StudioApi } from '../../src-preload/api-types.js';
import { createElectronPlatform } from './electron.js';
import type { Platform } from './types.js';
import { createWebPlatform } from './web.js';

export type {
  Platform,
  DisplaySourceInfo,
  ChooseDisplaySource,
  SettingsStore,
  StudioPreferences,
  PreferencesPatch,
  PreferencesBackend,
  MenuCommand,
} from './types.js';
export { PlatformError } from './types.js';

declare global {
  interface Window {
    /** Present only in the Electron window (exposed by the preload script). */
    studio?: StudioApi;
  }
}

/** Electron when the preload exposed `window.studio`, else the browser. */
export function detectPlatform(win: Window = window): Platform {
  return win.studio ? createElectronPlatform(win.studio, win) : createWebPlatform(win);
}
