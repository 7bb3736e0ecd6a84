import type { RelayModule } from '../core/module.js';
import { mountAccountSettingsRoutes } from './routes.js';
import { createAccountSettingsService, type AccountSettingsService } from './service.js';

declare module '../core/module.js' {
  interface Services {
    /** Each person's studio settings kept in their account (the web studio's language and output format). */
    accountSettings: AccountSettingsService;
  }
}

export const accountSettingsModule: RelayModule = {
  name: 'account-settings',
  create(ctx) {
    ctx.services.provide('accountSettings', createAccountSettingsService({ storage: ctx.storage, clock: ctx.clock }));
    return { http: (router) => mountAccountSettingsRoutes(router, ctx) };
  },
};
