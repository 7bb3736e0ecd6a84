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
  not_found: 'studio.error.not_found',
  invalid_transition: 'studio.error.invalid_transition',
  session_full: 'studio.error.session_full',
  expired: 'studio.error.expired',
  payload_too_large: 'studio.error.payload_too_large',
  blocked_term: 'studio.error.blocked_term',
  muted: 'studio.error.muted',
  banned: 'studio.error.banned',
  internal: 'studio.error.internal',
  // Why a WHIP upload failed (see shared/media/whip).
  media_unreachable: 'studio.error.media_unreachable',
  connection_lost: 'studio.error.connection_lost',
  unsupported_codec: 'studio.error.unsupported_codec',
  // Browser media errors (DOMException names) from camera, microphone and screen capture.
  NotAllowedError: 'studio.error.device_denied',
  SecurityError: 'studio.error.device_denied',
  NotFoundError: 'studio.error.device_missing',
  OverconstrainedError: 'studio.error.device_missing',
  NotReadableError: 'studio.error.device_busy',
  AbortError: 'studio.error.device_busy',
};

/** What to show for a thrown value: a DOMException's name is stable across browsers, its message is not. */
export function errorCodeOf(err: unknown): string {
  if (err instanceof Error && err.name in KNOWN) return err.name;
  return err instanceof Error ? err.message : String(err);
}

/** A relay error code (or message) as a sentence in the current language. */
export function errorText(code: string): string {
  const key = KNOWN[code];
  return key ? t(key) : t('common.error', { message: code });
}
