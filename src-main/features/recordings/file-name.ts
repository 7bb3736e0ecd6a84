import { cleanString } from '../../../protocol/common.js';

const EXTENSION = '.webm';
const MAX_STEM = 120;
const FALLBACK = 'recording';
// Path separators and the characters Windows forbids in file names.
const FORBIDDEN = /[/\\<>:"|?*]/g;
/**
 * Windows device names: `CON`, `NUL`, `COM1`… open the device, not a file, whatever extension follows
 * (`CON.webm`, `nul.tar.webm`), and with trailing spaces or dots. COM/LPT take digits 0-9 and the
 * superscripts ¹²³; `CONIN$`/`CONOUT$` are the console's.
 */
const DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)[\s.]*(\..*)?$/i;

/** Whether Windows would treat a file of this name as a device. */
export function isDeviceName(name: string): boolean {
  return DEVICE.test(name.trim());
}

/**
 * A safe `.webm` file name from what the user typed: invisible and bidi characters removed (a
 * right-to-left override can make `x\u202Ebmw.exe` read as `xexe.wmb`), no separators, no leading dots
 * or dashes (a name that looks like a command-line option), no reserved characters, no device name,
 * bounded length. The result is always a plain name inside the recordings folder; anything left
 * unusable becomes "recording".
 */
export function sanitizeRecordingName(input: string): string {
  let stem = cleanString(input.normalize('NFC'), { line: true }).replace(FORBIDDEN, ' ');
  if (stem.toLowerCase().endsWith(EXTENSION)) stem = stem.slice(0, -EXTENSION.length);
  stem = stem
    .replace(/\s+/g, ' ')
    .replace(/^[\s.-]+|[\s.]+$/g, '')
    .slice(0, MAX_STEM)
    .replace(/[\s.]+$/, '');
  if (!stem || isDeviceName(stem)) stem = FALLBACK;
  return `${stem}${EXTENSION}`;
}

/** `name.webm`, then `name (2).webm`, `name (3).webm`… */
export function numberedName(fileName: string, n: number): string {
  return n <= 1 ? fileName : `${fileName.slice(0, -EXTENSION.length)} (${n})${EXTENSION}`;
}
