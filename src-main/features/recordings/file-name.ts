const EXTENSION = '.webm';
const MAX_STEM = 120;
// Path separators and the characters Windows forbids in file names.
const FORBIDDEN = /[/\\<>:"|?*]/g;
const isControl = (ch: string): boolean => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f;

/**
 * A safe `.webm` file name from what the user typed: no separators, no leading dots, no reserved
 * characters, bounded length. The result is always a plain name inside the recordings folder.
 */
export function sanitizeRecordingName(input: string): string {
  let stem = [...input.normalize('NFC')]
    .map((ch) => (isControl(ch) ? ' ' : ch))
    .join('')
    .replace(FORBIDDEN, ' ');
  if (stem.toLowerCase().endsWith(EXTENSION)) stem = stem.slice(0, -EXTENSION.length);
  stem = stem
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, MAX_STEM)
    .trim();
  if (!stem || /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(stem)) stem = 'recording';
  return `${stem}${EXTENSION}`;
}

/** `name.webm`, then `name (2).webm`, `name (3).webm`… */
export function numberedName(fileName: string, n: number): string {
  return n <= 1 ? fileName : `${fileName.slice(0, -EXTENSION.length)} (${n})${EXTENSION}`;
}
