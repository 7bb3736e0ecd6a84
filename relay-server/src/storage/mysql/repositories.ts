import type { Repositories } from '../types.js';
import type { MysqlDb } from './db.js';
import { mysqlInvitations } from './invitations.js';
import { mysqlMessages } from './messages.js';
import { mysqlModeration } from './moderation.js';
import { mysqlParticipants } from './participants.js';
import { mysqlReactions } from './reactions.js';
import { mysqlSessions } from './sessions.js';
import { mysqlUsers } from './users.js';

export function mysqlRepositories(db: MysqlDb): Repositories {
  return {
    users: mysqlUsers(db),
    sessions: mysqlSessions(db),
    participants: mysqlParticipants(db),
    invitations: mysqlInvitations(db),
    messages: mysqlMessages(db),
    reactions: mysqlReactions(db),
    moderation: mysqlModeration(db),
  };
}
