/**
 * Every table, declared once through a dialect's column kit. mysql/schema.ts and sqlite/schema.ts
 * call this with their kit and export each table by name for drizzle-kit.
 */
import type { ColumnKit } from './kit.js';
import { accountSettingsTables } from './account-settings.js';
import { analyticsTables } from './analytics.js';
import { chatTables } from './chat.js';
import { giftTables } from './gifts.js';
import { followTables } from './follows.js';
import { destinationTables } from './destinations.js';
import { ingestTables } from './ingest.js';
import { invitationTables } from './invitations.js';
import { moderationTables } from './moderation.js';
import { sessionTables } from './sessions.js';
import { recordingTables } from './recordings.js';
import { userTables } from './users.js';

export function defineSchema(k: ColumnKit) {
  const users = userTables(k);
  const sessions = sessionTables(k, users);
  return {
    ...users,
    ...sessions,
    ...invitationTables(k, { ...users, ...sessions }),
    ...chatTables(k, sessions),
    ...moderationTables(k, sessions),
    ...ingestTables(k, users),
    ...accountSettingsTables(k, users),
    ...giftTables(k),
    ...followTables(k, users),
    ...destinationTables(k, users),
    ...recordingTables(k, sessions),
    ...analyticsTables(k, sessions),
  };
}

export type Schema = ReturnType<typeof defineSchema>;
export type { ColumnKit } from './kit.js';
