import type { AppInfo } from '../../../protocol/ipc.js';
import { ipcFail } from '../../ipc/errors.js';
import type { IpcRouter } from '../../ipc/handle.js';
import { isSafeExternalUrl } from '../../security/navigation.js';

export interface AppDeps {
  info: () => AppInfo;
  openExternal: (url: string) => Promise<void>;
}

export function registerAppIpc(router: IpcRouter, deps: AppDeps): void {
  router.handle('app:info', () => deps.info());
  router.handle('app:openExternal', async ({ url }) => {
    if (!isSafeExternalUrl(url)) throw ipcFail.forbidden('Only http(s) links open in the browser');
    await deps.openExternal(url);
    return null;
  });
}
