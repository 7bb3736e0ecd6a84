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
  create(ctx) {
    const config = ctx.config.gifts ?? defaultGiftsConfig();
    const { payments } = config;
    const provider = payments.kind === 'stripe' ? stripeProvider(payments) : null;
    const gifts = createGiftsService(ctx);
    const checkout = createPaymentsService(ctx, config, provider);
    ctx.services.provide('gifts', gifts);
    ctx.services.provide('payments', checkout);
    return {
      http: (router) => mountGiftRoutes(router, () => gifts, () => checkout, { publicUrl: ctx.config.publicUrl, host: ctx.config.host }),
    };
  },
};
