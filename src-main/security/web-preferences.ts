import type { WebPreferences } from 'electron';

/**
 * The webPreferences of every BrowserWindow we create. Exported so tests assert them, and so no
 * window is ever built with anything weaker.
 */
export function buildWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    // The compositor must keep drawing and sending frames while the studio window is hidden or minimised.
    backgroundThrottling: false,
  };
}
