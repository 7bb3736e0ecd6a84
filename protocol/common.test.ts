import { describe, expect, it } from 'vitest';
import { cleanText, stripInvisible } from './common.js';

describe('stripInvisible', () => {
  it('keeps emoji sequences joined by a zero-width joiner', () => {
    for (const emoji of ['👩🏾‍💻', '👨‍👩‍👧', '🏳️‍🌈', '❤️‍🔥']) expect(stripInvisible(emoji)).toBe(emoji);
  });

  it('removes zero-width and bidi controls, and joiners between letters', () => {
    expect(stripInvisible('a\u200Bb\u200Dc\u202Ed\u2066e\uFEFF')).toBe('abcde');
    expect(stripInvisible('\u200D\u200D')).toBe('');
  });

  it('refuses a text made only of invisible characters', () => {
    expect(cleanText(1, 10).safeParse('\u200B\u200D\u202E').success).toBe(false);
    expect(cleanText(1, 10).parse('  hi\u200B ')).toBe('hi');
  });
});
