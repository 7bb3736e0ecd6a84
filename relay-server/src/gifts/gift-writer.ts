import { DuplicateKeyError, type GiftRecord, type LedgerAccountRef, type Repositories, type Storage } from '../storage/types.js';
import { coinsOf, giftTransfers } from './accounts.js';

export type PayOutcome = 'paid' | 'insufficient' | 'duplicate';

/** Gifts paid in one transaction at most. */
const MAX_BATCH = 200;

const keyOf = (ref: LedgerAccountRef) => `${ref.owner}\u0000${ref.kind}`;

/**
 * Pays a batch of gifts in ONE transaction. Each sender's coins are taken by a conditional UPDATE (so a
 * wallet never overspends, whatever else is in the batch); a gift its sender cannot afford is left out,
 * as is a clientGiftId already stored (its coins go back). The credits of the batch are then added once
 * per account: the creator's diamonds and the platform's revenue are hot rows every gift of a live
 * touches, and locking them once per batch rather than once per gift is what lets a live take a storm
 * of gifts. Senders are locked in id order, credits in account order, so two batches never deadlock.
 */
export async function payBatch(tx: Repositories, gifts: readonly GiftRecord[]): Promise<PayOutcome[]> {
  const outcomes: PayOutcome[] = new Array<PayOutcome>(gifts.length).fill('insufficient');
  const order = gifts.map((_, i) => i).sort((a, b) => (gifts[a]?.senderId ?? '').localeCompare(gifts[b]?.senderId ?? ''));
  const paid: GiftRecord[] = [];
  for (const i of order) {
    const gift = gifts[i] as GiftRecord;
    if (!(await tx.ledger.take(coinsOf(gift.senderId), gift.coins, gift.createdAt))) continue;
    try {
      await tx.gifts.insert(gift);
    } catch (err) {
      if (!(err instanceof DuplicateKeyError)) throw err;
      await tx.ledger.add(coinsOf(gift.senderId), gift.coins, gift.createdAt);
      outcomes[i] = 'duplicate';
      continue;
    }
    outcomes[i] = 'paid';
    paid.push(gift);
  }
  const transfers = paid.flatMap((g) => giftTransfers(g, g.createdAt));
  await tx.ledger.record(transfers);
  const credits = new Map<string, { ref: LedgerAccountRef; amount: number; at: Date }>();
  for (const t of transfers) {
    const entry = credits.get(keyOf(t.to)) ?? { ref: t.to, amount: 0, at: t.at };
    entry.amount += t.amount;
    credits.set(keyOf(t.to), entry);
  }
  for (const key of [...credits.keys()].sort()) {
    const { ref, amount, at } = credits.get(key) as { ref: LedgerAccountRef; amount: number; at: Date };
    await tx.ledger.add(ref, amount, at);
  }
  return outcomes;
}

interface Waiting {
  gift: GiftRecord;
  resolve: (outcome: PayOutcome) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit for gifts on this node: the gifts that arrive while a batch commits go together in the
 * next one (at most MAX_BATCH), so the database commits once per batch rather than once per gift.
 */
export class GiftWriter {
  private waiting: Waiting[] = [];
  private flushing = false;

  constructor(private readonly storage: Storage) {}

  pay(gift: GiftRecord): Promise<PayOutcome> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ gift, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, MAX_BATCH);
      try {
        const outcomes = await this.storage.transaction((tx) => payBatch(tx, batch.map((w) => w.gift)));
        batch.forEach((w, i) => w.resolve(outcomes[i] ?? 'insufficient'));
      } catch (err) {
        batch.forEach((w) => w.reject(err));
      }
    }
    this.flushing = false;
  }
}
