import { SYSTEM_OWNER, type LedgerAccountRef, type LedgerTransfer } from '../storage/types.js';

/** The ledger accounts the gifts domain moves coins between. */
export const MINT: LedgerAccountRef = { owner: SYSTEM_OWNER, kind: 'minted' };
export const REVENUE: LedgerAccountRef = { owner: SYSTEM_OWNER, kind: 'revenue' };
export const coinsOf = (userId: string): LedgerAccountRef => ({ owner: userId, kind: 'coins' });
export const diamondsOf = (userId: string): LedgerAccountRef => ({ owner: userId, kind: 'diamonds' });

/** The creator's part of `coins`, rounded down (the platform keeps the odd coin). */
export const creatorPart = (coins: number, share: number): number => Math.floor(coins * share);

/**
 * The transfers of one gift: the creator's part to their diamonds, the rest to the platform's
 * revenue; both from the sender's coins. A zero part (share 0 or 1) is no transfer.
 */
export function giftTransfers(gift: { id: string; senderId: string; creatorId: string; coins: number; diamonds: number }, at: Date): LedgerTransfer[] {
  const from = coinsOf(gift.senderId);
  const transfers: LedgerTransfer[] = [];
  if (gift.diamonds > 0) transfers.push({ id: `gift:${gift.id}:creator`, from, to: diamondsOf(gift.creatorId), amount: gift.diamonds, reason: 'gift', at });
  const fee = gift.coins - gift.diamonds;
  if (fee > 0) transfers.push({ id: `gift:${gift.id}:platform`, from, to: REVENUE, amount: fee, reason: 'fee', at });
  return transfers;
}
