import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { GiftCatalogue } from '../../../protocol/gifts.js';

/** The gifts part of the environment; merged into the relay's EnvSchema (see ../config.ts). */
export const GiftsEnv = z.object({
  /** The creator's part of what a gift costs (the rest is the platform's). */
  CREATOR_SHARE: z.coerce.number({ error: 'must be a number from 0 to 1' }).min(0).max(1).default(0.5),
  /** How coins are bought: `off`, `stripe` (Checkout + webhook) or `dev` (free grants; never in production). */
  PAYMENTS: z.enum(['off', 'stripe', 'dev']).default('off'),
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_/, 'must be a Stripe secret key (sk_… or rk_…)').optional(),
  STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_/, 'must be a webhook signing secret (whsec_…)').optional(),
  /** Path of the gift catalogue; the repository's relay-server/config/gifts.json by default. */
  GIFT_CATALOGUE: z.string().min(1).optional(),
  /** Gifts one person may send: this many at once, refilled at GIFT_RATE_PER_SECOND. */
  GIFT_RATE_PER_SECOND: z.coerce.number().positive().max(10_000).default(10),
  GIFT_RATE_BURST: z.coerce.number().int().min(1).max(10_000).default(50),
});

export interface GiftsConfig {
  creatorShare: number;
  payments:
    | { kind: 'off' }
    | { kind: 'dev' }
    | { kind: 'stripe'; secretKey: string; webhookSecret: string };
  catalogue: GiftCatalogue;
  rate: { perSecond: number; burst: number };
}

export const DEFAULT_CATALOGUE_PATH = fileURLToPath(new URL('../../config/gifts.json', import.meta.url));

/** Reads and validates a catalogue file; throws an Error naming what is wrong. */
export function loadCatalogue(file: string): GiftCatalogue {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  const parsed = GiftCatalogue.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`${file} is not a valid gift catalogue (${issues.join('; ')})`);
  }
  return parsed.data;
}

export const defaultGiftsConfig = (): GiftsConfig => ({
  creatorShare: 0.5,
  payments: { kind: 'off' },
  catalogue: loadCatalogue(DEFAULT_CATALOGUE_PATH),
  rate: { perSecond: 10, burst: 50 },
});

type Env = z.output<typeof GiftsEnv> & { NODE_ENV: string };

function paymentsFrom(env: Env, problems: string[]): GiftsConfig['payments'] {
  if (env.PAYMENTS === 'dev') {
    if (env.NODE_ENV === 'production') problems.push('PAYMENTS: dev hands out free coins and is refused with NODE_ENV=production (set NODE_ENV=development)');
    return { kind: 'dev' };
  }
  if (env.PAYMENTS === 'stripe') {
    if (!env.STRIPE_SECRET_KEY) problems.push('STRIPE_SECRET_KEY: required with PAYMENTS=stripe');
    if (!env.STRIPE_WEBHOOK_SECRET) problems.push('STRIPE_WEBHOOK_SECRET: required with PAYMENTS=stripe');
    return { kind: 'stripe', secretKey: env.STRIPE_SECRET_KEY ?? '', webhookSecret: env.STRIPE_WEBHOOK_SECRET ?? '' };
  }
  return { kind: 'off' };
}

/** The gifts configuration, or the lines saying which variables are wrong. */
export function giftsConfigFrom(env: Env): { config: GiftsConfig; problems: string[] } {
  const problems: string[] = [];
  const payments = paymentsFrom(env, problems);
  let catalogue: GiftCatalogue = { gifts: [], coinPacks: [] };
  try {
    catalogue = loadCatalogue(env.GIFT_CATALOGUE ?? DEFAULT_CATALOGUE_PATH);
  } catch (err) {
    problems.push(`GIFT_CATALOGUE: ${err instanceof Error ? err.message : String(err)}`);
  }
  return {
    config: { creatorShare: env.CREATOR_SHARE, payments, catalogue, rate: { perSecond: env.GIFT_RATE_PER_SECOND, burst: env.GIFT_RATE_BURST } },
    problems,
  };
}
