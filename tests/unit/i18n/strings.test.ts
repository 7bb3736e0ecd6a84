import { describe, expect, it } from 'vitest';
import { stringModules, strings } from '../../../i18n/strings.js';

/** `{name}` placeholders of a string, sorted: both languages must fill the same ones. */
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the string table', () => {
  it('says every key in English and in French, never empty, with the same placeholders', () => {
    for (const [key, entry] of Object.entries(strings)) {
      expect(Object.keys(entry).sort(), key).toEqual(['en', 'fr']);
      expect(entry.en.trim(), key).not.toBe('');
      expect(entry.fr.trim(), key).not.toBe('');
      expect(placeholders(entry.fr), key).toEqual(placeholders(entry.en));
    }
  });

  it('is made of feature modules of which no two write the same key', () => {
    const keys = Object.values(stringModules).flatMap((module) => Object.keys(module));
    const repeated = keys.filter((key, i) => keys.indexOf(key) !== i);
    expect(repeated).toEqual([]);
    expect(new Set(keys)).toEqual(new Set(Object.keys(strings)));
  });
});
