import { randomUUID } from 'node:crypto';
import type { Gift, GiftEvent, Gifter, LiveEarnings, SendGiftBody, Wallet } from '../../../protocol/gifts.js';
import { TokenBuckets } from '../auth/token-bucket.js';
import type { Actor } from '../core/actor.js';
import { fail } from '../core/errors.js';
import type { ModuleContext } from '../core/module.js';
import { accessSession, requireActor, requireHost } from '../sessions/access.js';
import type { GiftRecord, LiveGiftTotals, Repositories } from '../storage/types.js';
import { coinsOf, creatorPart, diamondsOf, MINT } from './accounts.js';
import { GiftWriter } from './gift-writer.js';
import { defaultGiftsConfig } from './config.js';

export type GiftsService = ReturnType<typeof createGiftsService>;

const TOP_GIFTERS = 10;
const EARNINGS_LIVES = 50;

export interface SendResult {
  gift: GiftEvent;
  wallet: Wallet;
  /** False when this clientGiftId was already sent: `gift` is that one and nothing was paid again. */
  created: boolean;
}

const toGiftEvent = (gift: GiftRecord, senderName: string): GiftEvent => ({
  id: gift.id,
  sessionId: gift.sessionId,
  giftId: gift.giftId,
  count: gift.count,
  coins: gift.coins,
  senderId: gift.senderId,
  senderName,
  createdAt: gift.createdAt.toISOString(),
});

const toLiveEarnings = (totals: LiveGiftTotals): LiveEarnings => ({ ...totals, startedAt: totals.startedAt?.toISOString() ?? null });

/**
 * Gifts during lives, paid from the sender's coins through the ledger, and the wallets they move.
 * Plain TypeScript over the module context; the HTTP adapter is routes.ts.
 */
export function createGiftsService(ctx: ModuleContext) {
  const { storage, clock, notifier } = ctx;
  const config = ctx.config.gifts ?? defaultGiftsConfig();
  const catalogue = new Map<string, Gift>(config.catalogue.gifts.map((g) => [g.id, g]));
  const limits = new TokenBuckets(config.rate.burst, config.rate.perSecond, clock);
  const writer = new GiftWriter(storage);

  async function walletOf(repos: Repositories, userId: string): Promise<Wallet> {
    const [coins, diamonds] = await Promise.all([repos.ledger.balance(coinsOf(userId)), repos.ledger.balance(diamondsOf(userId))]);
    return { coins, diamonds };
  }

  /** A retry of a stored send: the same gift, if the retry asks for the same thing. */
  async function replay(stored: GiftRecord, sessionId: string, body: SendGiftBody, actor: Actor): Promise<SendResult> {
    if (stored.sessionId !== sessionId || stored.giftId !== body.giftId || stored.count !== body.count) {
      throw fail.duplicate('This clientGiftId was already used for another gift');
    }
    return { gift: toGiftEvent(stored, actor.displayName), wallet: await walletOf(storage, actor.userId), created: false };
  }

  async function send(caller: Actor | null, sessionId: string, body: SendGiftBody): Promise<SendResult> {
    const actor = requireActor(caller);
    const gift = catalogue.get(body.giftId);
    if (!gift) throw fail.notFound('Gift');
    const stored = await storage.gifts.findByClientId(actor.userId, body.clientGiftId);
    if (stored) return replay(stored, sessionId, body, actor);
    const { session, isHost } = await accessSession(storage, sessionId, actor);
    if (isHost) throw fail.forbidden('You cannot send gifts to your own live');
    if (session.state !== 'live') throw fail.invalidTransition(session.state, 'send gifts to');
    if (await ctx.services.get('moderation').isBanned(sessionId, actor.userId)) throw fail.banned();
    const wait = limits.take(actor.userId);
    if (wait > 0) throw fail.rateLimited(wait, 'Too many gifts at once, slow down');
    const coins = gift.coins * body.count;
    const record: GiftRecord = {
      id: randomUUID(),
      sessionId,
      senderId: actor.userId,
      creatorId: session.hostId,
      giftId: gift.id,
      count: body.count,
      coins,
      diamonds: creatorPart(coins, config.creatorShare),
      clientGiftId: body.clientGiftId,
      createdAt: clock(),
    };
    const outcome = await writer.pay(record);
    if (outcome === 'insufficient') throw fail.insufficientFunds(coins, await storage.ledger.balance(coinsOf(actor.userId)));
    if (outcome === 'duplicate') {
      // The same clientGiftId sent twice at once: the other one paid; answer as its replay.
      const winner = await storage.gifts.findByClientId(actor.userId, body.clientGiftId);
      if (!winner) throw fail.duplicate('This clientGiftId is being used by another gift');
      return replay(winner, sessionId, body, actor);
    }
    const event = toGiftEvent(record, actor.displayName);
    notifier.toSession(sessionId, 'gift:sent', event);
    return { gift: event, wallet: await walletOf(storage, actor.userId), created: true };
  }

  async function wallet(caller: Actor | null): Promise<Wallet> {
    return walletOf(storage, requireActor(caller).userId);
  }

  /** Coins from nowhere, for local development only (the module mounts it only with PAYMENTS=dev). */
  async function devGrant(caller: Actor | null, coins: number): Promise<Wallet> {
    const actor = requireActor(caller);
    if (config.payments.kind !== 'dev') throw fail.forbidden('Free coins exist only on a relay started with PAYMENTS=dev');
    await storage.transaction((tx) => tx.ledger.post({ id: `grant:${randomUUID()}`, from: MINT, to: coinsOf(actor.userId), amount: coins, reason: 'grant', at: clock() }));
    const updated = await walletOf(storage, actor.userId);
    notifier.toUser(actor.userId, 'wallet:updated', { wallet: updated });
    return updated;
  }

  async function topGifters(caller: Actor | null, sessionId: string): Promise<Gifter[]> {
    await accessSession(storage, sessionId, caller);
    return storage.gifts.topGifters(sessionId, TOP_GIFTERS);
  }

  async function liveEarnings(caller: Actor | null, sessionId: string): Promise<LiveEarnings> {
    const access = await accessSession(storage, sessionId, caller);
    requireHost(access);
    const totals = await storage.gifts.liveTotals(sessionId);
    const { title, startedAt } = access.session;
    return toLiveEarnings({ ...totals, title, startedAt });
  }

  async function earnings(caller: Actor | null): Promise<LiveEarnings[]> {
    const actor = requireActor(caller);
    return (await storage.gifts.earningsByLive(actor.userId, EARNINGS_LIVES)).map(toLiveEarnings);
  }

  return { catalogue: { ...config.catalogue, payments: config.payments.kind }, send, wallet, walletOf: (userId: string) => walletOf(storage, userId), devGrant, topGifters, liveEarnings, earnings };
}
