/**
 * Prints one closing line for the whole suite, `tests: N passed, N failed, N skipped`, from the JSON
 * reports vitest and Playwright wrote under test-results/. A missing report counts as a failure.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';

const VitestReport = z.object({ numPassedTests: z.number(), numFailedTests: z.number(), numPendingTests: z.number(), numTodoTests: z.number().optional() });
const PlaywrightReport = z.object({ stats: z.object({ expected: z.number(), unexpected: z.number(), skipped: z.number(), flaky: z.number() }) });

const totals = { passed: 0, failed: 0, skipped: 0 };
const missing: string[] = [];

function read(file: string): unknown {
  if (!existsSync(file)) {
    missing.push(file);
    return null;
  }
  return JSON.parse(readFileSync(file, 'utf8')) as unknown;
}

const vitest = read('test-results/vitest.json');
if (vitest !== null) {
  const r = VitestReport.parse(vitest);
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
}
for (const file of process.argv.slice(2)) {
  const report = read(file);
  if (report === null) continue;
  const { stats } = PlaywrightReport.parse(report);
  totals.passed += stats.expected + stats.flaky;
  totals.failed += stats.unexpected;
  totals.skipped += stats.skipped;
}
if (missing.length > 0) {
  console.log(`missing test reports: ${missing.join(', ')}`);
  totals.failed += missing.length;
}
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
