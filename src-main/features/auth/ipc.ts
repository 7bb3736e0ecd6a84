import type { IpcRouter } from '../../ipc/handle.js';
import type { TokenStore } from './token-store.js';

export function registerAuthIpc(router: IpcRouter, tokens: TokenStore): void {
  router.handle('auth:getToken', async () => ({ token: await tokens.get() }));
  router.handle('auth:setToken', ({ token }) => tokens.set(token));
  router.handle('auth:persistence', () => tokens.persistence());
  router.handle('auth:clearToken', async () => {
    await tokens.clear();
    return null;
  });
}
