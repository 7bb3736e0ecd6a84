/** The coin ledger: double-entry transfers between accounts. */

export type LedgerKind = 'coins' | 'diamonds' | 'minted' | 'revenue';
export type LedgerReason = 'purchase' | 'grant' | 'gift' | 'fee';
/** One account: a user's `coins` or `diamonds`, or the system's `minted` and `revenue` (owner `system`). */
export interface LedgerAccountRef {
  owner: string;
  kind: LedgerKind;
}
export const SYSTEM_OWNER = 'system';

/** One movement: a debit leg on `from` and a credit leg on `to`, of the same positive `amount`. */
export interface LedgerTransfer {
  /** Unique for ever: posting the same id twice is refused (DuplicateKeyError `ledger_transfer`). */
  id: string;
  from: LedgerAccountRef;
  to: LedgerAccountRef;
  amount: number;
  reason: LedgerReason;
  at: Date;
}

/** What `npm run ledger:check` reads: every balance recomputed from the entries. */
export interface LedgerAudit {
  transfers: number;
  entries: number;
  /** Transfers whose legs are not exactly one debit and one credit summing to zero. */
  unbalancedTransfers: Array<{ transferId: string; legs: number; sum: number }>;
  /** Accounts whose stored balance differs from the sum of their entries (either side may be missing: 0). */
  mismatchedAccounts: Array<{ owner: string; kind: LedgerKind; stored: number; fromEntries: number }>;
  /** Accounts other than the mint below zero. */
  negativeAccounts: Array<{ owner: string; kind: LedgerKind; balance: number }>;
  /** Coins issued: what the mint gave out, from its entries. */
  minted: number;
  /** The stored balances of every account but the mint, added up. */
  held: number;
}

export interface LedgerRepo {
  /**
   * Posts one transfer: debits `from` only if its balance covers `amount` (one conditional UPDATE,
   * so two concurrent posts cannot both spend the same coins; the mint alone may go below zero),
   * credits `to`, and writes the two entries. False when `from` cannot afford it: nothing written.
   * Run it inside a transaction with whatever else must commit with it.
   */
  post(transfer: LedgerTransfer): Promise<boolean>;
  /**
   * The parts of `post`, for writers that batch many transfers in one transaction: `take` debits a
   * balance only if it covers `amount` (one conditional UPDATE); `add` credits (or gives back a take);
   * `record` writes each transfer's two legs (DuplicateKeyError `ledger_transfer` on a replayed id).
   * Balances and entries must agree when the transaction commits.
   */
  take(account: LedgerAccountRef, amount: number, at: Date): Promise<boolean>;
  add(account: LedgerAccountRef, amount: number, at: Date): Promise<void>;
  record(transfers: LedgerTransfer[]): Promise<void>;
  balance(account: LedgerAccountRef): Promise<number>;
  audit(): Promise<LedgerAudit>;
}
