import type { ScheduledLive } from '../../../protocol/notifications.js';
import { RelayError } from '../api/client.js';
import { t } from '../i18n/index.js';
import { describeFailure, localTime } from '../ui/error-text.js';

/** "Fri 4 Dec 2026, 20:00" in the reader's language and time zone. */
export const whenText = (s: ScheduledLive): string => localTime(s.startsAt) ?? s.startsAt;

/** The relay's refusal of an announcement, in words: which rule it broke when the relay says so. */
export function scheduleRefusal(err: unknown): string {
  if (err instanceof RelayError && err.error.code === 'invalid_input') {
    const text = JSON.stringify(err.error.details ?? '');
    if (text.includes('"past"')) return t('schedule.error.past');
    if (text.includes('"too_far"')) return t('schedule.error.tooFar');
    if (text.includes('"too_many"')) return t('schedule.error.tooMany');
  }
  return describeFailure(err);
}
