/**
 * CSV as RFC 4180 says: fields separated by commas, records by CRLF; a field holding a comma, a quote,
 * CR or LF is quoted, its quotes doubled. A text field starting with = + - @ (or a tab/CR) is prefixed
 * with ' so a spreadsheet shows it instead of running it as a formula (a live title is user text).
 */
export type CsvValue = string | number | null;

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: CsvValue[][]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
