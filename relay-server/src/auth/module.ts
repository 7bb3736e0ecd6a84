import type { RelayModule } from '../core/module.js';
import { mountAuthRoutes } from './routes.js';
import type { AuthService } from './service.js';

declare module '../core/module.js' {
  interface Services {
    /** Accounts, guests and tokens; `authenticate(token)` resolves an Actor. */
    auth: AuthService;
  }
}

/**
 * The auth routes. The AuthService itself is built by createRelay (the HTTP and socket handshakes
 * need it before any module runs) and provided to every module as `ctx.services.get('auth')`.
 */
export const authModule: RelayModule = {
  name: 'auth',
  create: (ctx) => ({ http: (router) => mountAuthRoutes(router, ctx) }),
};
