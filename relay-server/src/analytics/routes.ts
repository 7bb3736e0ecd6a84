import type { Router } from 'express';
import { routes } from '../../../protocol/routes.js';
import { mount } from '../http/mount.js';
import type { AnalyticsService } from './service.js';

/** Thin HTTP adapters for the analytics routes (host only; see service.ts). */
export function mountAnalyticsRoutes(router: Router, analytics: AnalyticsService): void {
  mount(router, routes.sessionAnalytics, async ({ actor, params, query }) => ({ analytics: await analytics.live(params.id, actor, query.after) }));
  mount(router, routes.analyticsLives, async ({ actor, query }) => ({ lives: await analytics.lives(actor, query.limit) }));
}
