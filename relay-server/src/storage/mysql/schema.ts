/** The MySQL tables; drizzle-kit reads the named exports of this file to generate migrations. */
import { defineSchema } from '../schema/index.js';
import { mysqlKit } from './kit.js';

export const mysqlSchema = defineSchema(mysqlKit);
export const {
  users,
  revokedTokens,
  sessions,
  participants,
  invitations,
  inviteLinks,
  messages,
  reactionCounts,
  mutes,
  bans,
  chatSettings,
  moderationLog,
  streamKeys,
  ingestDefaults,
  accountSettings,
  ledgerAccounts,
  ledgerEntries,
  gifts,
  payments,
  follows,
  profiles,
  notifications,
  destinations,
  recordings,
  recordingChapters,
  analyticsBuckets,
  analyticsViewers,
  scheduledLives,
} = mysqlSchema;
