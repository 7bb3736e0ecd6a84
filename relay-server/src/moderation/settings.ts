import type { ChatSettings } from '../../../protocol/chat.js';
import type { ChatSettingsRecord } from '../storage/types.js';

export const DEFAULT_CHAT_SETTINGS: ChatSettings = { slowModeSeconds: 0, blockedTerms: [], followersOnly: false, followersOnlyMinutes: 0 };

export function toChatSettings(record: ChatSettingsRecord | null): ChatSettings {
  if (!record) return { ...DEFAULT_CHAT_SETTINGS, blockedTerms: [] };
  return { slowModeSeconds: record.slowModeSeconds, blockedTerms: [...record.blockedTerms], followersOnly: record.followersOnly, followersOnlyMinutes: record.followersOnlyMinutes };
}

/** Blocked terms compare case-insensitively, so duplicates that differ by case are kept once. */
export function normaliseBlockedTerms(terms: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const term of terms) if (!seen.has(term.toLowerCase())) seen.set(term.toLowerCase(), term);
  return [...seen.values()];
}
