import { fold } from './confusables.js';

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether `content` contains one of `terms` as a whole word (or phrase), ignoring case and look-alikes:
 * both sides are compared as folded TR39 skeletons (confusables.ts), so Cyrillic or fullwidth letters,
 * combining marks and digits posing as letters do not slip a term past. Invisible characters (tags,
 * U+034F…) were already removed by cleanString when the message was parsed. "ass" blocks "Ass!" but not
 * "class". Letters, digits and `_` of any script count as word characters.
 */
export function containsBlockedTerm(content: string, terms: readonly string[]): boolean {
  const folded = fold(content);
  return terms.some((term) => {
    const trimmed = fold(term.trim());
    if (!trimmed) return false;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(trimmed)}(?![\\p{L}\\p{N}_])`, 'u');
    return pattern.test(folded);
  });
}
