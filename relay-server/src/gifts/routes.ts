import type { Router } from 'express';
import { routes } from '../../../protocol/routes.js';
import { rawBodyOf } from '../http/body.js';
import { mount, setSuccessStatus } from '../http/mount.js';
import { shareBaseUrl } from '../share/base-url.js';
import type { GiftsService } from './service.js';
import type { PaymentsService } from './payments/service.js';

/** Thin HTTP adapters for the gifts, wallet and payments routes. */
export function mountGiftRoutes(router: Router, gifts: () => GiftsService, payments: () => PaymentsService, bind: { publicUrl: string | undefined; host: string }): void {
  mount(router, routes.listGifts, async () => gifts().catalogue);
  mount(router, routes.wallet, async ({ actor }) => ({ wallet: await gifts().wallet(actor) }));
  mount(router, routes.earnings, async ({ actor }) => ({ lives: await gifts().earnings(actor) }));
  mount(router, routes.devGrant, async ({ actor, body }) => ({ wallet: await gifts().devGrant(actor, body.coins) }));
  mount(router, routes.sendGift, async ({ actor, params, body, res }) => {
    const { gift, wallet, created } = await gifts().send(actor, params.id, body);
    if (!created) setSuccessStatus(res, 200);
    return { gift, wallet };
  });
  mount(router, routes.topGifters, async ({ actor, params }) => ({ gifters: await gifts().topGifters(actor, params.id) }));
  mount(router, routes.liveEarnings, async ({ actor, params }) => ({ earnings: await gifts().liveEarnings(actor, params.id) }));
  mount(router, routes.checkout, async ({ actor, body, req }) => payments().checkout(actor, body.packId, shareBaseUrl(bind.publicUrl, req, bind.host), body.returnPath));
  mount(router, routes.stripeWebhook, async ({ req }) => {
    await payments().webhook(rawBodyOf(req), req.get('stripe-signature'));
    return { received: true as const };
  });
}
