/** The repositories, written once: `repositories(mysqlDialect(db))` or `repositories(sqliteDialect(tx))`. */
import type { Repositories } from '../types.js';
import type { Dialect } from '../dialect.js';
import { accountSettingsRepo } from './account-settings.js';
import { analyticsRepo } from './analytics.js';
import { giftsRepo } from './gifts.js';
import { followsRepo, profilesRepo } from './follows.js';
import { notificationsRepo, scheduledLivesRepo } from './notifications.js';
import { invitationsRepo } from './invitations.js';
import { ledgerRepo } from './ledger.js';
import { messagesRepo } from './messages.js';
import { moderationRepo } from './moderation.js';
import { participantsRepo } from './participants.js';
import { paymentsRepo } from './payments.js';
import { revokedTokensRepo } from './revoked-tokens.js';
import { reactionsRepo } from './reactions.js';
import { recordingsRepo } from './recordings.js';
import { sessionsRepo } from './sessions.js';
import { streamKeysRepo } from './stream-keys.js';
import { usersRepo } from './users.js';
import { destinationsRepo } from './destinations.js';

export function repositories(d: Dialect): Repositories {
  return {
    users: usersRepo(d),
    revokedTokens: revokedTokensRepo(d),
    sessions: sessionsRepo(d),
    participants: participantsRepo(d),
    invitations: invitationsRepo(d),
    messages: messagesRepo(d),
    reactions: reactionsRepo(d),
    moderation: moderationRepo(d),
    streamKeys: streamKeysRepo(d),
    accountSettings: accountSettingsRepo(d),
    ledger: ledgerRepo(d),
    gifts: giftsRepo(d),
    payments: paymentsRepo(d),
    follows: followsRepo(d),
    profiles: profilesRepo(d),
    notifications: notificationsRepo(d),
    destinations: destinationsRepo(d),
    recordings: recordingsRepo(d),
    analytics: analyticsRepo(d),
    scheduledLives: scheduledLivesRepo(d),
  };
}
