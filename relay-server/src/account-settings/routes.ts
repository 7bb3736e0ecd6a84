import type { Router } from 'express';
import { routes } from '../../../protocol/routes.js';
import type { ModuleContext } from '../core/module.js';
import { mount } from '../http/mount.js';
import type { AccountSettingsService } from './service.js';

/** Thin HTTP adapter: the signed-in person reads and changes their own settings (validated by the route's schema). */
export function mountAccountSettingsRoutes(router: Router, ctx: ModuleContext): void {
  const settings = (): AccountSettingsService => ctx.services.get('accountSettings');
  mount(router, routes.getAccountSettings, async ({ actor }) => settings().get(actor));
  mount(router, routes.updateAccountSettings, async ({ actor, body }) => settings().update(actor, body));
}
