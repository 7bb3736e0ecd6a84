/**
 * `npm run bench [name…]`: runs the benchmarks one after another (never in parallel: 2 cores) and prints
 * each one's table. Every benchmark module exports `run(): Promise<unknown>` and writes its own
 * `bench/results/<name>.json`.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';

// Every folder of bench/ with an index.ts is a benchmark: adding one needs no edit here. The ones measured
// first are the historic figures; the rest follow in name order.
const FIRST = ['join-storm', 'chat-fanout', 'webrtc-latency', 'compositor', 'sfu', 'multinode-chat'];
const BenchModule = z.object({ run: z.function() });

const here = path.dirname(fileURLToPath(import.meta.url));
const found = readdirSync(here, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(path.join(here, e.name, 'index.ts')))
  .map((e) => e.name);
const BENCHMARKS = [...FIRST.filter((b) => found.includes(b)), ...found.filter((b) => !FIRST.includes(b)).sort()];
const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !BENCHMARKS.includes(w));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${BENCHMARKS.join(', ')}`);
  process.exit(2);
}
const selected = wanted.length > 0 ? BENCHMARKS.filter((b) => wanted.includes(b)) : [...BENCHMARKS];

let failures = 0;
for (const name of selected) {
  const entry = path.join(here, name, 'index.ts');
  console.log(`\n## ${name}`);
  try {
    const mod = BenchModule.parse(await import(pathToFileURL(entry).href));
    await mod.run();
  } catch (err) {
    failures += 1;
    console.error(`benchmark ${name} failed:`, err);
  }
}
process.exit(failures > 0 ? 1 : 0);
