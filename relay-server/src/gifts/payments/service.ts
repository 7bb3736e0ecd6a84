import type { ModuleContext } from '../../core/module.js';
import type { Actor } from '../../core/actor.js';
import { fail } from '../../core/errors.js';
import { requireActor } from '../../sessions/access.js';
import { DuplicateKeyError } from '../../storage/types.js';
import { coinsOf, MINT } from '../accounts.js';
import type { GiftsConfig } from '../config.js';
import { WebhookSignatureError, type PaidCheckout, type PaymentProvider } from './provider.js';

export type PaymentsService = ReturnType<typeof createPaymentsService>;

/** Buying coins: checkouts with a provider, and crediting each payment it confirms exactly once. */
export function createPaymentsService(ctx: ModuleContext, config: GiftsConfig, provider: PaymentProvider | null) {
  const { storage, clock, logger } = ctx;
  const packs = new Map(config.catalogue.coinPacks.map((p) => [p.id, p]));

  function requireProvider(): PaymentProvider {
    if (!provider) throw fail.unavailable('Buying coins is not set up on this relay (PAYMENTS)');
    return provider;
  }

  async function checkout(caller: Actor | null, packId: string, baseUrl: string, returnPath = '/'): Promise<{ url: string }> {
    const actor = requireActor(caller);
    const payments = requireProvider();
    const pack = packs.get(packId);
    if (!pack) throw fail.notFound('Coin pack');
    try {
      const { url } = await payments.createCheckout({
        userId: actor.userId,
        pack,
        successUrl: `${baseUrl}${returnPath}?coins=bought`,
        cancelUrl: `${baseUrl}${returnPath}?coins=cancelled`,
      });
      return { url };
    } catch (err) {
      logger.warn({ err }, 'the payment provider refused or could not be reached');
      throw fail.unavailable('The payment provider could not be reached: try again in a moment');
    }
  }

  /** Records the payment and mints its coins in one transaction; a payment seen before changes nothing. */
  async function credit(paid: PaidCheckout): Promise<'credited' | 'already' | 'unknown_user'> {
    if (!(await storage.users.findById(paid.userId))) return 'unknown_user';
    const id = `${requireProvider().name}:${paid.reference}`;
    const at = clock();
    try {
      await storage.transaction(async (tx) => {
        await tx.payments.record({ id, provider: 'stripe', userId: paid.userId, packId: paid.packId, coins: paid.coins, amountMinor: paid.amountMinor, currency: paid.currency, createdAt: at });
        await tx.ledger.post({ id: `payment:${id}`, from: MINT, to: coinsOf(paid.userId), amount: paid.coins, reason: 'purchase', at });
      });
    } catch (err) {
      if (err instanceof DuplicateKeyError) return 'already';
      throw err;
    }
    ctx.notifier.toUser(paid.userId, 'wallet:updated', { wallet: await ctx.services.get('gifts').walletOf(paid.userId) });
    return 'credited';
  }

  /** A webhook delivery: verified over its raw bytes, then credited once whatever the order and number of deliveries. */
  async function webhook(rawBody: Buffer | undefined, signature: string | undefined): Promise<void> {
    const payments = requireProvider();
    if (!rawBody) throw fail.invalidInput('A webhook is a JSON body signed by the provider');
    let paid: PaidCheckout | null;
    try {
      paid = payments.readWebhook(rawBody, signature);
    } catch (err) {
      if (err instanceof WebhookSignatureError) throw fail.invalidInput(`Webhook refused: ${err.message}`);
      throw err;
    }
    if (!paid) return;
    const outcome = await credit(paid);
    logger.info({ payment: paid.reference, outcome }, 'payment webhook');
  }

  return { checkout, webhook, enabled: provider !== null };
}
