import { routes } from '../../../protocol/routes.js';
import type { UpdateParticipantBody } from '../../../protocol/sessions.js';
import type { ApiClient, CallInput } from '../../shared/api/client.js';

type Role = NonNullable<UpdateParticipantBody['role']>;
type SettingsChange = NonNullable<CallInput<typeof routes.updateChatSettings>['body']>;

/**
 * The relay calls the chat dock makes for one live: pins, deletions, moderator roles and chat settings.
 * Mutes and bans (with their undo notices) are `people/actions.ts`.
 */
export function chatClient(api: ApiClient, sessionId: string) {
  const params = { id: sessionId };
  const message = (messageId: string) => ({ params: { id: sessionId, messageId } });
  return {
    pin: (messageId: string) => api.call(routes.pinMessage, message(messageId)),
    unpin: (messageId: string) => api.call(routes.unpinMessage, message(messageId)),
    remove: (messageId: string) => api.call(routes.deleteMessage, message(messageId)),
    setRole: (userId: string, role: Role) => api.call(routes.updateParticipant, { params: { id: sessionId, userId }, body: { role } }),
    settings: () => api.call(routes.chatSettings, { params }),
    updateSettings: (body: SettingsChange) => api.call(routes.updateChatSettings, { params, body }),
    /** Who is muted or banned right now. */
    restricted: () => api.call(routes.moderationPeople, { params }),
  };
}
export type ChatClient = ReturnType<typeof chatClient>;
