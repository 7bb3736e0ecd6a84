import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MIN } from '../../../protocol/users.js';

/**
 * The most common passwords of leaked password sets, from the zxcvbn-ts project's maintained list
 * (about 49,000 entries, lower-case). Only those long enough to pass the length rule are kept: the
 * shorter ones are refused anyway. Built on first use (a few MB), then a set lookup.
 */
let common: ReadonlySet<string> | undefined;

const minLength = PASSWORD_MIN;

export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary['passwords-common'].filter((p) => p.length >= minLength));
  return common.has(password.toLowerCase());
}
