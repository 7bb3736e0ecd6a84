import type { RelayModule } from '../core/module.js';
import { defaultGiftsConfig } from './config.js';
import { createPaymentsService, type PaymentsService } from './payments/service.js';
import { stripeProvider } from './payments/stripe.js';
import { mountGiftRoutes } from './routes.js';
import { createGiftsService, type GiftsService } from './service.js';

declare module '../core/module.js' {
  interface Services {
    gifts: GiftsService;
    payments: PaymentsService;
  }
}

/** Gifts during lives, wallets on a double-entry ledger, buying coins (Stripe Checkout). */
export const giftsModule: RelayModule = {
  name: 'gifts',
  init(ctx) {
    const config = ctx.config.gifts ?? defaultGiftsConfig();
    const { payments } = config;
    const provider = payments.kind === 'stripe' ? stripeProvider(payments) : null;
    ctx.services.provide('gifts', createGiftsService(ctx));
    ctx.services.provide('payments', createPaymentsService(ctx, config, provider));
  },
  http(router, ctx) {
    mountGiftRoutes(router, () => ctx.services.get('gifts'), () => ctx.services.get('payments'), { publicUrl: ctx.config.publicUrl, host: ctx.config.host });
  },
};
