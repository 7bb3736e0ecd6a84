import type { CoinPack } from '../../../../protocol/gifts.js';

export interface CheckoutRequest {
  userId: string;
  pack: CoinPack;
  /** Where the provider sends the buyer back after paying, or after giving up. */
  successUrl: string;
  cancelUrl: string;
}

/** A payment the provider confirmed: what to credit, to whom, once. */
export interface PaidCheckout {
  /** The provider's reference for it (Stripe: the Checkout Session id); the key it is credited once by. */
  reference: string;
  userId: string;
  packId: string;
  coins: number;
  amountMinor: number;
  currency: string;
}

/** A webhook whose signature does not verify: refused, nothing read from it. */
export class WebhookSignatureError extends Error {}

/** How coins are bought. Stripe Checkout is the one implementation (payments/stripe.ts). */
export interface PaymentProvider {
  readonly name: 'stripe';
  /** A hosted payment page for one pack; `url` is where to send the buyer. */
  createCheckout(request: CheckoutRequest): Promise<{ url: string; reference: string }>;
  /**
   * Verifies a webhook's signature over its exact bytes and reads it: the paid checkout it reports,
   * or null for an event that credits nothing (unpaid, expired, not ours). Throws WebhookSignatureError.
   */
  readWebhook(rawBody: Buffer, signature: string | undefined): PaidCheckout | null;
}
