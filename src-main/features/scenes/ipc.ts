import type { IpcRouter } from '../../ipc/handle.js';
import type { SceneStore } from './store.js';

export function registerScenesIpc(router: IpcRouter, scenes: SceneStore): void {
  router.handle('scenes:list', async () => ({ names: await scenes.list() }));
  router.handle('scenes:load', ({ name }) => scenes.load(name));
  router.handle('scenes:save', ({ name, data }) => scenes.save(name, data));
  router.handle('scenes:delete', async ({ name }) => {
    await scenes.remove(name);
    return null;
  });
}
