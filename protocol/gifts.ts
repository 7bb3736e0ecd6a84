import { z } from 'zod';
import { Id, IsoTime } from './common.js';

/** A catalogue id: lower-case letters, digits and dashes ("rose", "lion-king"). */
export const GiftId = z.string().regex(/^[a-z0-9-]{1,32}$/, '1 to 32 of a-z, 0-9 and -');
/** How a gift is drawn: the viewer page and the studio alerts know each. */
export const GiftAnimation = z.enum(['float', 'burst', 'rain', 'spotlight']);
export type GiftAnimation = z.infer<typeof GiftAnimation>;
/** Bigger tiers get bigger animations and stay on screen longer. */
export const GiftTier = z.enum(['common', 'rare', 'epic', 'legendary']);
export type GiftTier = z.infer<typeof GiftTier>;
/** The most coins one gift may cost, and the most gifts one send may carry. */
export const MAX_GIFT_PRICE = 100_000;
export const MAX_GIFT_COUNT = 99;

export const LocalizedName = z.strictObject({ fr: z.string().min(1).max(40), en: z.string().min(1).max(40) });

export const Gift = z.strictObject({
  id: GiftId,
  names: LocalizedName,
  /** The picture: one emoji (no image hosting needed). */
  emoji: z.string().min(1).max(16),
  coins: z.number().int().min(1).max(MAX_GIFT_PRICE),
  animation: GiftAnimation,
  tier: GiftTier,
});
export type Gift = z.infer<typeof Gift>;

/** Coins sold for money: the price is in the currency's minor unit (cents). */
export const CoinPack = z.strictObject({
  id: GiftId,
  coins: z.number().int().min(1).max(10_000_000),
  priceMinor: z.number().int().min(50).max(100_000_000),
  currency: z.string().regex(/^[a-z]{3}$/, 'an ISO 4217 code in lower case (eur, usd, xof)'),
});
export type CoinPack = z.infer<typeof CoinPack>;

const uniqueIds = (items: ReadonlyArray<{ id: string }>) => new Set(items.map((i) => i.id)).size === items.length;

/** The catalogue file (relay-server/config/gifts.json), validated when the relay starts. */
export const GiftCatalogue = z.strictObject({
  gifts: z.array(Gift).min(1).max(200).refine(uniqueIds, 'gift ids must be unique'),
  coinPacks: z.array(CoinPack).max(20).refine(uniqueIds, 'coin pack ids must be unique'),
});
export type GiftCatalogue = z.infer<typeof GiftCatalogue>;
/** The catalogue, and how this relay sells coins (the gift bar offers what exists). */
export const PaymentsMode = z.enum(['off', 'stripe', 'dev']);
export const GiftsReply = GiftCatalogue.extend({ payments: PaymentsMode });
export type GiftsReply = z.infer<typeof GiftsReply>;

/** What a wallet holds: coins to spend; diamonds earned from gifts (creators). */
export const Wallet = z.object({ coins: z.number().int(), diamonds: z.number().int() });
export type Wallet = z.infer<typeof Wallet>;
export const WalletReply = z.object({ wallet: Wallet });

export const ClientGiftId = z.string().min(8).max(64);
export const SendGiftBody = z.strictObject({
  giftId: GiftId,
  count: z.number().int().min(1).max(MAX_GIFT_COUNT),
  /** The sender's id for this send: a retry with the same one never pays twice. */
  clientGiftId: ClientGiftId,
});
export type SendGiftBody = z.infer<typeof SendGiftBody>;

/** One gift sent during a live, as everyone in the room sees it. */
export const GiftEvent = z.object({
  id: Id,
  sessionId: Id,
  giftId: GiftId,
  count: z.number().int(),
  /** Coins the sender spent (price × count). */
  coins: z.number().int(),
  senderId: Id,
  senderName: z.string(),
  createdAt: IsoTime,
});
export type GiftEvent = z.infer<typeof GiftEvent>;
export const SendGiftReply = z.object({ gift: GiftEvent, wallet: Wallet });

export const Gifter = z.object({ userId: Id, displayName: z.string(), coins: z.number().int() });
export type Gifter = z.infer<typeof Gifter>;
export const TopGiftersReply = z.object({ gifters: z.array(Gifter) });

/** What one live earned its creator (host only). */
export const LiveEarnings = z.object({
  sessionId: Id,
  title: z.string(),
  gifts: z.number().int(),
  coins: z.number().int(),
  diamonds: z.number().int(),
  startedAt: IsoTime.nullable(),
});
export type LiveEarnings = z.infer<typeof LiveEarnings>;
export const LiveEarningsReply = z.object({ earnings: LiveEarnings });
export const EarningsReply = z.object({ lives: z.array(LiveEarnings) });

export const DevGrantBody = z.strictObject({ coins: z.number().int().min(1).max(1_000_000) });
/** A path on this site to come back to after paying (the watch page the buyer was on); never another site. */
export const ReturnPath = z.string().max(200).regex(/^\/(?!\/)[A-Za-z0-9/_-]*$/, 'a path on this site, like /watch/abc');
export const CheckoutBody = z.strictObject({ packId: GiftId, returnPath: ReturnPath.optional() });
/** Where to send the buyer: the provider's hosted payment page. */
export const CheckoutReply = z.object({ url: z.url() });
/** The provider acknowledges; what was credited is not its business. */
export const WebhookReply = z.object({ received: z.literal(true) });
