import { expect, it } from 'vitest';
import { DuplicateKeyError, SYSTEM_OWNER, type LedgerAccountRef, type LedgerTransfer } from '../../../relay-server/src/storage/types.js';
import { ledgerProblems } from '../../../relay-server/src/gifts/ledger-audit.js';
import { describeEachDatabase } from '../../support/databases.js';
import { executeRaw, runLedgerCheck } from '../../support/ledger.js';
import { at, id } from './fixtures.js';

const MINT: LedgerAccountRef = { owner: SYSTEM_OWNER, kind: 'minted' };
const coins = (owner: string): LedgerAccountRef => ({ owner, kind: 'coins' });
const transfer = (from: LedgerAccountRef, to: LedgerAccountRef, amount: number, overrides: Partial<LedgerTransfer> = {}): LedgerTransfer => ({
  id: `t:${id()}`,
  from,
  to,
  amount,
  reason: 'grant',
  at: at(),
  ...overrides,
});

describeEachDatabase('storage: ledger', (db) => {
  it('mints, moves and refuses to overdraw; the audit sees every coin', async () => {
    const s = db.storage();
    const [ada, bob] = [id(), id()];
    expect(await s.transaction((tx) => tx.ledger.post(transfer(MINT, coins(ada), 100)))).toBe(true);
    expect(await s.transaction((tx) => tx.ledger.post(transfer(coins(ada), coins(bob), 60)))).toBe(true);
    expect(await s.transaction((tx) => tx.ledger.post(transfer(coins(ada), coins(bob), 41)))).toBe(false);
    expect(await s.transaction((tx) => tx.ledger.post(transfer(coins(bob), coins(ada), 1)))).toBe(true);
    expect(await s.ledger.balance(coins(ada))).toBe(41);
    expect(await s.ledger.balance(coins(bob))).toBe(59);
    expect(await s.ledger.balance(coins(id()))).toBe(0);
    const audit = await s.ledger.audit();
    expect(ledgerProblems(audit)).toEqual([]);
    expect(audit.minted).toBe(100);
    expect(audit.held).toBe(100);
  });

  it('refuses a wallet that has never held anything, and a transfer id posted twice', async () => {
    const s = db.storage();
    const ada = id();
    expect(await s.transaction((tx) => tx.ledger.post(transfer(coins(id()), coins(ada), 1)))).toBe(false);
    const once = transfer(MINT, coins(ada), 5);
    await s.transaction((tx) => tx.ledger.post(once));
    await expect(s.transaction((tx) => tx.ledger.post(once))).rejects.toBeInstanceOf(DuplicateKeyError);
    expect(await s.ledger.balance(coins(ada))).toBe(5);
    await expect(s.transaction((tx) => tx.ledger.post(transfer(MINT, coins(ada), 0)))).rejects.toThrow(/positive/);
    await expect(s.transaction((tx) => tx.ledger.post(transfer(MINT, coins(ada), -3)))).rejects.toThrow(/positive/);
  });

  it('lets exactly the affordable ones of 40 concurrent spends from one wallet through', async () => {
    const s = db.storage();
    const [ada, bob] = [id(), id()];
    await s.transaction((tx) => tx.ledger.post(transfer(MINT, coins(ada), 70)));
    const spends = Array.from({ length: 40 }, () => s.transaction((tx) => tx.ledger.post(transfer(coins(ada), coins(bob), 7))));
    const passed = (await Promise.all(spends)).filter(Boolean).length;
    expect(passed).toBe(10);
    expect(await s.ledger.balance(coins(ada))).toBe(0);
    expect(await s.ledger.balance(coins(bob))).toBe(70);
  });

  it('npm run ledger:check passes on this ledger and fails once a balance is changed behind its back', async () => {
    const ok = await runLedgerCheck(db.database());
    expect(ok.output).toMatch(/ledger check ok/);
    expect(ok.code).toBe(0);
    const victim = id();
    await db.storage().transaction((tx) => tx.ledger.post(transfer(MINT, coins(victim), 10)));
    await executeRaw(db.database(), `UPDATE ledger_accounts SET balance = balance + 5 WHERE owner = '${victim}'`);
    const broken = await runLedgerCheck(db.database());
    expect(broken.code).toBe(1);
    expect(broken.output).toContain(`account ${victim}/coins holds 15 but its entries add up to 10`);
    expect(broken.output).toMatch(/hold \d+ coins in all but \d+ were minted/);
    await executeRaw(db.database(), `UPDATE ledger_accounts SET balance = balance - 5 WHERE owner = '${victim}'`);
  }, 120_000);
});
