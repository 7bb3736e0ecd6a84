/**
 * `npm run ledger:check`: recomputes every balance from the ledger's entries and checks the
 * invariants (each transfer two legs summing to zero, stored balances equal to their entries, none
 * below zero, all held coins equal to all minted). Reads DATABASE_URL like the relay; exits 1 on
 * any mismatch, 2 when the database cannot be read.
 */
import { loadConfig } from '../config.js';
import { createStorage } from '../storage/index.js';
import { ledgerProblems, ledgerSummary } from './ledger-audit.js';

async function main(): Promise<number> {
  const { database } = loadConfig({ DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: process.env.DATA_DIR });
  const storage = await createStorage(database);
  try {
    const audit = await storage.ledger.audit();
    const problems = ledgerProblems(audit);
    if (problems.length > 0) {
      console.error(`ledger check FAILED (${ledgerSummary(audit)}):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
      return 1;
    }
    console.log(`ledger check ok: ${ledgerSummary(audit)}`);
    return 0;
  } finally {
    await storage.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`ledger check could not read the database: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  },
);
