import { describe, expect, it } from 'vitest';
import { cleanLine, cleanString, cleanText } from './common.js';

describe('cleanString', () => {
  it('keeps emoji sequences joined by a zero-width joiner', () => {
    for (const emoji of ['👩🏾‍💻', '👨‍👩‍👧', '🏳️‍🌈', '❤️‍🔥']) expect(cleanString(emoji)).toBe(emoji);
  });

  it('removes zero-width and bidi controls, and joiners between letters', () => {
    expect(cleanString('a\u200Bb\u200Dc\u202Ed\u2066e\uFEFF')).toBe('abcde');
    expect(cleanString('\u200D\u200D')).toBe('');
  });

  it('refuses a text made only of invisible characters', () => {
    expect(cleanText(1, 10).safeParse('\u200B\u200D\u202E').success).toBe(false);
    expect(cleanText(1, 10).parse('  hi\u200B ')).toBe('hi');
  });
});

describe('cleanLine', () => {
  it('folds control characters and runs of spaces in a one-line label', () => {
    expect(cleanLine(1, 50).parse('a\u0000b\n\nc\t d')).toBe('a b c d');
    expect(cleanLine(1, 50).parse(' Zoé 😀 ')).toBe('Zoé 😀');
  });

  it('refuses a label made only of controls and invisible characters', () => {
    expect(cleanLine(1, 50).safeParse('\u0000\n\u200B\u202E').success).toBe(false);
  });
});

describe('text limits', () => {
  it('names the real limit even for a text far over it', () => {
    const result = cleanText(1, 500).safeParse('x'.repeat(10_000));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('<=500');
  });
});
