import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv.js';

describe('CSV (RFC 4180)', () => {
  it('leaves plain fields alone and writes numbers and empty values', () => {
    expect(csvField('Soirée à Dakar 🎙️')).toBe('Soirée à Dakar 🎙️');
    expect(csvField(42)).toBe('42');
    expect(csvField(0.5)).toBe('0.5');
    expect(csvField(null)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('quotes fields with commas, quotes or line breaks, doubling the quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rlf')).toBe('"cr\rlf"');
  });

  it('defuses spreadsheet formulas in text', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@me')).toBe("'@me");
    expect(csvField(-2)).toBe('-2'); // numbers are numbers
  });

  it('ends every record with CRLF, header first', () => {
    expect(toCsv(['title', 'peak'], [['a,b', 2], ['c', null]])).toBe('title,peak\r\n"a,b",2\r\nc,\r\n');
  });
});
