import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Built files next to out/main/index.js (electron-vite's layout). */
export const builtPaths = {
  preload: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
  renderer: fileURLToPath(new URL('../renderer', import.meta.url)),
};

/** Files the studio keeps in Electron's userData folder. */
export function userDataPaths(userData: string) {
  return {
    settings: join(userData, 'settings.json'),
    windowState: join(userData, 'window-state.json'),
    scenes: join(userData, 'scene-collections'),
    token: join(userData, 'session-token.bin'),
  };
}
