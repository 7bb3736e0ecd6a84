import { t, type StringKey } from '../../shared/i18n/index.js';

const KNOWN: Record<string, StringKey> = {
  unauthorized: 'studio.error.unauthorized',
  duplicate: 'studio.error.duplicate',
  invalid_input: 'studio.error.invalid_input',
  already_hosting: 'studio.error.already_hosting',
  rate_limited: 'studio.error.rate_limited',
  forbidden: 'studio.error.forbidden',
  not_host: 'studio.error.forbidden',
  unavailable: 'studio.error.unavailable',
  timeout: 'studio.error.timeout',
};

/** A relay error code (or message) as a sentence in the current language. */
export function errorText(code: string): string {
  const key = KNOWN[code];
  return key ? t(key) : t('common.error', { message: code });
}
