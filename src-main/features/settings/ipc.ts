import type { IpcRouter } from '../../ipc/handle.js';
import type { SettingsStore } from './store.js';

export function registerSettingsIpc(router: IpcRouter, store: SettingsStore): void {
  router.handle('settings:get', () => store.get());
  router.handle('settings:update', (patch) => store.update(patch));
}
