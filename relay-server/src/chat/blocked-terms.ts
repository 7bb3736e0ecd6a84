const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether `content` contains one of `terms` as a whole word (or phrase), ignoring case:
 * "ass" blocks "Ass!" but not "class". Letters, digits and `_` of any script count as word characters.
 */
export function containsBlockedTerm(content: string, terms: readonly string[]): boolean {
  return terms.some((term) => {
    const trimmed = term.trim();
    if (!trimmed) return false;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(trimmed)}(?![\\p{L}\\p{N}_])`, 'iu');
    return pattern.test(content);
  });
}
