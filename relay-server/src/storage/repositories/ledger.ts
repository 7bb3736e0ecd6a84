import { and, count, eq, gte, sql, sum } from 'drizzle-orm';
import { SYSTEM_OWNER, type LedgerAccountRef, type LedgerAudit, type LedgerRepo, type LedgerTransfer } from '../types.js';
import type { Dialect } from '../dialect.js';
import { uniqueAs } from '../shared/errors.js';

const MINT: LedgerAccountRef = { owner: SYSTEM_OWNER, kind: 'minted' };
const isMint = (ref: LedgerAccountRef) => ref.owner === MINT.owner && ref.kind === MINT.kind;
const accountKey = (ref: LedgerAccountRef) => `${ref.owner}\u0000${ref.kind}`;

function assertAmount(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new Error(`ledger amounts are positive whole numbers, not ${amount}`);
}

/**
 * Double entry over two tables: `ledger_entries` (the record, append-only) and `ledger_accounts`
 * (balances kept in step with it in the same transaction, so a wallet reads one row).
 */
export function ledgerRepo(d: Dialect): LedgerRepo {
  const { db } = d;
  const { ledgerAccounts: accounts, ledgerEntries: entries } = d.t;
  const whereAccount = (ref: LedgerAccountRef) => and(eq(accounts.owner, ref.owner), eq(accounts.kind, ref.kind));

  /** Adds `delta` to an account, opening it when it has none yet. */
  async function add(ref: LedgerAccountRef, delta: number, at: number): Promise<void> {
    await d.upsert(
      accounts,
      { owner: ref.owner, kind: ref.kind, balance: delta, updatedAt: at },
      [accounts.owner, accounts.kind],
      { balance: sql`${accounts.balance} + ${delta}`, updatedAt: at },
    );
  }

  /**
   * Takes `amount` only if the balance covers it, in one statement: MySQL's UPDATE locks the row and
   * reads its latest committed balance (a concurrent gift waits, then sees what is left); SQLite runs
   * one writer at a time. So two nodes spending one wallet at once can never both pass.
   */
  async function takeIfCovered(ref: LedgerAccountRef, amount: number, at: number): Promise<boolean> {
    const set = { balance: sql`${accounts.balance} - ${amount}`, updatedAt: at };
    return (await d.update(accounts, set, and(whereAccount(ref), gte(accounts.balance, amount)))) > 0;
  }

  async function storedBalances(): Promise<Map<string, { ref: LedgerAccountRef; balance: number }>> {
    const rows = await db.select({ owner: accounts.owner, kind: accounts.kind, balance: accounts.balance }).from(accounts);
    return new Map(rows.map((r) => [accountKey(r), { ref: { owner: r.owner, kind: r.kind }, balance: Number(r.balance) }]));
  }

  async function entrySums(): Promise<Map<string, { ref: LedgerAccountRef; sum: number }>> {
    const rows = await db
      .select({ owner: entries.owner, kind: entries.kind, sum: sum(entries.amount).mapWith(Number) })
      .from(entries)
      .groupBy(entries.owner, entries.kind);
    return new Map(rows.map((r) => [accountKey(r), { ref: { owner: r.owner, kind: r.kind }, sum: r.sum }]));
  }

  /** The two legs of each transfer, in one INSERT. */
  async function record(transfers: LedgerTransfer[]): Promise<void> {
    if (transfers.length === 0) return;
    const rows = transfers.flatMap((t) => {
      assertAmount(t.amount);
      const leg = (side: 'debit' | 'credit', ref: LedgerAccountRef, signed: number) =>
        ({ transferId: t.id, leg: side, owner: ref.owner, kind: ref.kind, amount: signed, reason: t.reason, createdAt: t.at.getTime() }) as const;
      return [leg('debit', t.from, -t.amount), leg('credit', t.to, t.amount)];
    });
    await uniqueAs('ledger_transfer', () => db.insert(entries).values(rows));
  }

  return {
    async post(transfer) {
      const { amount, from, to } = transfer;
      assertAmount(amount);
      const at = transfer.at.getTime();
      if (isMint(from)) await add(from, -amount, at);
      else if (!(await takeIfCovered(from, amount, at))) return false;
      await record([transfer]);
      await add(to, amount, at);
      return true;
    },
    take: (ref, amount, at) => {
      assertAmount(amount);
      return takeIfCovered(ref, amount, at.getTime());
    },
    add: (ref, amount, at) => add(ref, amount, at.getTime()),
    record,
    async balance(ref) {
      const [row] = await db.select({ balance: accounts.balance }).from(accounts).where(whereAccount(ref));
      return row ? Number(row.balance) : 0;
    },
    async audit(): Promise<LedgerAudit> {
      const legs = count();
      const total = sum(entries.amount).mapWith(Number);
      const unbalanced = await db
        .select({ transferId: entries.transferId, legs, sum: total })
        .from(entries)
        .groupBy(entries.transferId)
        .having(sql`count(*) <> 2 or sum(${entries.amount}) <> 0`);
      const [counts] = await db.select({ entries: count(), transfers: sql<number>`count(distinct ${entries.transferId})`.mapWith(Number) }).from(entries);
      const stored = await storedBalances();
      const computed = await entrySums();
      const mismatchedAccounts: LedgerAudit['mismatchedAccounts'] = [];
      for (const key of new Set([...stored.keys(), ...computed.keys()])) {
        const ref = stored.get(key)?.ref ?? computed.get(key)?.ref ?? MINT;
        const have = stored.get(key)?.balance ?? 0;
        const want = computed.get(key)?.sum ?? 0;
        if (have !== want) mismatchedAccounts.push({ ...ref, stored: have, fromEntries: want });
      }
      const balances = [...stored.values()];
      return {
        entries: counts?.entries ?? 0,
        transfers: counts?.transfers ?? 0,
        unbalancedTransfers: unbalanced,
        mismatchedAccounts,
        negativeAccounts: balances.filter((a) => !isMint(a.ref) && a.balance < 0).map((a) => ({ ...a.ref, balance: a.balance })),
        minted: -(computed.get(accountKey(MINT))?.sum ?? 0),
        held: balances.filter((a) => !isMint(a.ref)).reduce((n, a) => n + a.balance, 0),
      };
    },
  };
}
