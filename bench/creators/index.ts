/**
 * `npm run bench creators`: the creator features' benchmarks, one sub-bench file each in this folder
 * (`<topic>.bench.ts` exporting `run()`), run one after another in name order. Adding one needs no edit
 * here: going-live.bench.ts (going live with 100,000 followers beside none), gifts.bench.ts (1,000 gifts/s
 * into one live across two nodes) and whatever follows adds.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';

const SubBench = z.object({ run: z.function() });
const here = path.dirname(fileURLToPath(import.meta.url));

export async function run(): Promise<void> {
  const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort();
  let failed = 0;
  for (const file of files) {
    console.log(`\n### creators/${file.replace(/\.bench\.ts$/, '')}`);
    try {
      await SubBench.parse(await import(pathToFileURL(path.join(here, file)).href)).run();
    } catch (err) {
      failed += 1;
      console.error(`creators sub-bench ${file} failed:`, err);
    }
  }
  if (failed > 0) throw new Error(`${failed} creators sub-bench(es) failed`);
}
