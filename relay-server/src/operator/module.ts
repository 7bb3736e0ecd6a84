import { OPERATOR_HEADER } from '../../../protocol/operator.js';
import { routes } from '../../../protocol/routes.js';
import type { AuthService } from '../auth/service.js';
import type { RelayModule } from '../core/module.js';
import { mount } from '../http/mount.js';
import { requireOperator } from './access.js';

/**
 * Operator routes (OPERATOR_TOKEN): guest accounts in bulk for `npm run load`. They are real guest
 * accounts, minted without the per-address sign-up limit; nothing else about them differs.
 */
export const operatorModule: RelayModule = {
  name: 'operator',
  create: (ctx) => ({
    http(router) {
      const auth = (): AuthService => ctx.services.get('auth');
      mount(router, routes.operatorGuests, async ({ body, req }) => {
        requireOperator(ctx.config.operatorToken, req.headers[OPERATOR_HEADER]);
        const guests = [];
        for (let n = 1; n <= body.count; n++) {
          const displayName = `${body.namePrefix} ${n}`;
          const { user, token } = await auth().guest(displayName);
          guests.push({ userId: user.id, displayName, token });
        }
        return { guests };
      });
    },
  }),
};
