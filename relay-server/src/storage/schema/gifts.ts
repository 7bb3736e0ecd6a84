import type { ColumnKit } from './kit.js';

/** The kinds of ledger account: a user's coins and diamonds; the system's mint and gift revenue. */
export const LEDGER_KINDS = ['coins', 'diamonds', 'minted', 'revenue'] as const;
export const LEDGER_REASONS = ['purchase', 'grant', 'gift', 'fee'] as const;

/**
 * Money: a double-entry ledger (every transfer is one debit and one credit row of opposite amounts),
 * account balances kept beside it (checked against it by `npm run ledger:check`), the gifts sent and
 * the payments credited. None of these rows is a foreign key: money records outlive what they mention.
 */
export function giftTables(k: ColumnKit) {
  const ledgerAccounts = k.table(
    'ledger_accounts',
    {
      /** A user id, or `system` for the mint and the platform's revenue. */
      owner: k.id('owner').notNull(),
      kind: k.enum('kind', LEDGER_KINDS).notNull(),
      balance: k.amount('balance').notNull(),
      updatedAt: k.ms('updated_at').notNull(),
    },
    (t) => [k.primaryKey({ columns: [t.owner, t.kind] })],
  );

  const ledgerEntries = k.table(
    'ledger_entries',
    {
      seq: k.serial('seq'),
      /** Names what moved the money (`gift:<id>:creator`, `payment:<id>`…): one transfer per id. */
      transferId: k.varchar('transfer_id', 160).notNull(),
      leg: k.enum('leg', ['debit', 'credit']).notNull(),
      owner: k.id('owner').notNull(),
      kind: k.enum('kind', LEDGER_KINDS).notNull(),
      /** Signed: negative on the debit leg, positive on the credit leg. */
      amount: k.amount('amount').notNull(),
      reason: k.enum('reason', LEDGER_REASONS).notNull(),
      createdAt: k.ms('created_at').notNull(),
    },
    (t) => [
      k.uniqueIndex('ledger_entries_transfer_leg_uq').on(t.transferId, t.leg),
      k.index('ledger_entries_account_idx').on(t.owner, t.kind),
    ],
  );

  const gifts = k.table(
    'gifts',
    {
      id: k.id('id').primaryKey(),
      sessionId: k.id('session_id').notNull(),
      senderId: k.id('sender_id').notNull(),
      creatorId: k.id('creator_id').notNull(),
      giftId: k.varchar('gift_id', 32).notNull(),
      count: k.int('count').notNull(),
      coins: k.amount('coins').notNull(),
      diamonds: k.amount('diamonds').notNull(),
      clientGiftId: k.varchar('client_gift_id', 64).notNull(),
      createdAt: k.ms('created_at').notNull(),
    },
    (t) => [
      k.uniqueIndex('gifts_sender_client_uq').on(t.senderId, t.clientGiftId),
      k.index('gifts_session_idx').on(t.sessionId, t.senderId),
      k.index('gifts_creator_idx').on(t.creatorId, t.sessionId),
    ],
  );

  const payments = k.table('payments', {
    /** `<provider>:<the provider's reference>`, e.g. `stripe:cs_test_…`: credited once. */
    id: k.varchar('id', 255).primaryKey(),
    provider: k.enum('provider', ['stripe']).notNull(),
    userId: k.id('user_id').notNull(),
    packId: k.varchar('pack_id', 32).notNull(),
    coins: k.amount('coins').notNull(),
    amountMinor: k.amount('amount_minor').notNull(),
    currency: k.varchar('currency', 8).notNull(),
    createdAt: k.ms('created_at').notNull(),
  });
  return { ledgerAccounts, ledgerEntries, gifts, payments };
}
