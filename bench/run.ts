/**
 * `npm run bench [name…]`: runs the benchmarks one after another (never in parallel: 2 cores) and prints
 * each one's table. Every benchmark module exports `run(): Promise<unknown>` and writes its own
 * `bench/results/<name>.json`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';

const BENCHMARKS = ['join-storm', 'chat-fanout', 'webrtc-latency', 'compositor', 'sfu', 'multinode-chat'] as const;
const BenchModule = z.object({ run: z.function() });

const here = path.dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const selected = wanted.length > 0 ? BENCHMARKS.filter((b) => wanted.includes(b)) : [...BENCHMARKS];

let failures = 0;
for (const name of selected) {
  const entry = path.join(here, name, 'index.ts');
  if (!existsSync(entry)) {
    console.log(`\n## ${name}: not present (bench/${name}/index.ts missing)`);
    continue;
  }
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
