import type { LedgerAudit } from '../storage/types.js';

const SHOWN = 20;

/** Every way the ledger breaks its invariants, as sentences; empty when it holds. */
export function ledgerProblems(audit: LedgerAudit): string[] {
  const problems: string[] = [];
  for (const t of audit.unbalancedTransfers.slice(0, SHOWN)) {
    problems.push(`transfer ${t.transferId} has ${t.legs} legs summing to ${t.sum} (want 2 legs summing to 0)`);
  }
  for (const a of audit.mismatchedAccounts.slice(0, SHOWN)) {
    problems.push(`account ${a.owner}/${a.kind} holds ${a.stored} but its entries add up to ${a.fromEntries}`);
  }
  for (const a of audit.negativeAccounts.slice(0, SHOWN)) problems.push(`account ${a.owner}/${a.kind} is below zero: ${a.balance}`);
  if (audit.held !== audit.minted) problems.push(`accounts hold ${audit.held} coins in all but ${audit.minted} were minted`);
  const more = audit.unbalancedTransfers.length + audit.mismatchedAccounts.length + audit.negativeAccounts.length - Math.min(SHOWN, audit.unbalancedTransfers.length) - Math.min(SHOWN, audit.mismatchedAccounts.length) - Math.min(SHOWN, audit.negativeAccounts.length);
  if (more > 0) problems.push(`…and ${more} more`);
  return problems;
}

export function ledgerSummary(audit: LedgerAudit): string {
  return `${audit.transfers} transfers, ${audit.entries} entries, ${audit.minted} coins minted, ${audit.held} held`;
}
