import Stripe from 'stripe';
import { z } from 'zod';
import type { CheckoutRequest, PaidCheckout, PaymentProvider } from './provider.js';
import { WebhookSignatureError } from './provider.js';

/** What we put on each Checkout Session, read back from its webhook. */
const OurMetadata = z.object({ userId: z.string().min(1), packId: z.string().min(1), coins: z.coerce.number().int().positive() });
/** The parts of a Checkout Session a credit needs (Stripe sends many more). */
const PaidSession = z.object({
  id: z.string().min(1),
  payment_status: z.string(),
  amount_total: z.number().int().nonnegative(),
  currency: z.string(),
  metadata: OurMetadata,
});

/** Checkout events that may mean "paid": `completed` (cards pay at once) and `async_payment_succeeded` (bank debits later). */
const PAYING_EVENTS = new Set(['checkout.session.completed', 'checkout.session.async_payment_succeeded']);

export interface StripeOptions {
  secretKey: string;
  webhookSecret: string;
  /** A Stripe client built elsewhere (tests pass one whose HTTP goes to a stand-in). */
  client?: Stripe;
}

/** The Checkout Session we ask for: one line item priced from the catalogue, our ids in its metadata. */
export function checkoutParams(request: CheckoutRequest): Stripe.Checkout.SessionCreateParams {
  const { pack, userId } = request;
  const metadata = { userId, packId: pack.id, coins: String(pack.coins) };
  return {
    mode: 'payment',
    client_reference_id: userId,
    line_items: [
      {
        quantity: 1,
        price_data: { currency: pack.currency, unit_amount: pack.priceMinor, product_data: { name: `${pack.coins} Afritok coins` } },
      },
    ],
    metadata,
    payment_intent_data: { metadata },
    success_url: request.successUrl,
    cancel_url: request.cancelUrl,
  };
}

/** Stripe Checkout through the official `stripe` package. */
export function stripeProvider(options: StripeOptions): PaymentProvider {
  const stripe = options.client ?? new Stripe(options.secretKey, { maxNetworkRetries: 2, timeout: 15_000 });
  return {
    name: 'stripe',
    async createCheckout(request) {
      const session = await stripe.checkout.sessions.create(checkoutParams(request));
      if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL`);
      return { url: session.url, reference: session.id };
    },
    readWebhook(rawBody, signature): PaidCheckout | null {
      if (!signature) throw new WebhookSignatureError('missing Stripe-Signature header');
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(rawBody, signature, options.webhookSecret);
      } catch (err) {
        throw new WebhookSignatureError(err instanceof Error ? err.message : 'signature does not verify');
      }
      if (!PAYING_EVENTS.has(event.type)) return null;
      const session = PaidSession.safeParse(event.data.object);
      if (!session.success || session.data.payment_status !== 'paid') return null;
      const { id, amount_total, currency, metadata } = session.data;
      return { reference: id, userId: metadata.userId, packId: metadata.packId, coins: metadata.coins, amountMinor: amount_total, currency };
    },
  };
}
