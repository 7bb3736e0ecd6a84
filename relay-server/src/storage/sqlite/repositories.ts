import type { Repositories } from '../types.js';
import type { SqliteDb } from './db.js';
import { sqliteInvitations } from './invitations.js';
import { sqliteMessages } from './messages.js';
import { sqliteModeration } from './moderation.js';
import { sqliteParticipants } from './participants.js';
import { sqliteReactions } from './reactions.js';
import { sqliteSessions } from './sessions.js';
import { sqliteUsers } from './users.js';

export function sqliteRepositories(db: SqliteDb): Repositories {
  return {
    users: sqliteUsers(db),
    sessions: sqliteSessions(db),
    participants: sqliteParticipants(db),
    invitations: sqliteInvitations(db),
    messages: sqliteMessages(db),
    reactions: sqliteReactions(db),
    moderation: sqliteModeration(db),
  };
}
