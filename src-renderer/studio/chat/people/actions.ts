import { routes } from '../../../../protocol/routes.js';
import { t } from '../../../shared/i18n/index.js';
import type { ApiClient } from '../../../shared/api/client.js';
import { pushNotice } from './notices.js';

export interface Target {
  userId: string;
  displayName: string;
}

/** A mute length in words: "5 min", "1 h". */
export function muteLength(seconds: number): string {
  return seconds < 3600 ? `${Math.round(seconds / 60)} min` : `${Math.round(seconds / 3600)} h`;
}

/**
 * Moderation as the studio does it: every action says what it did in a notice with "Undo" (the
 * inverse call), so a misclick on a name never sticks. Errors are thrown to the caller, which shows them.
 */
export function moderationActions(api: ApiClient, sessionId: string, onChange: () => void = () => undefined) {
  const params = { id: sessionId };
  const userParams = (userId: string) => ({ id: sessionId, userId });
  const done = <T>(p: Promise<T>) => p.finally(onChange);

  const actions = {
    async mute(who: Target, seconds: number): Promise<void> {
      await done(api.call(routes.mute, { params, body: { userId: who.userId, durationSeconds: seconds } }));
      pushNotice(t('people.notice.muted', { name: who.displayName, length: muteLength(seconds) }), () => actions.unmute(who, false));
    },
    async unmute(who: Target, announce = true): Promise<void> {
      await done(api.call(routes.unmute, { params: userParams(who.userId) }));
      if (announce) pushNotice(t('people.notice.unmuted', { name: who.displayName }), () => actions.mute(who, 300));
    },
    async ban(who: Target, options: { reason?: string; removeMessages?: boolean }): Promise<void> {
      const reason = options.reason?.trim();
      const reply = await done(
        api.call(routes.ban, { params, body: { userId: who.userId, ...(reason ? { reason } : {}), removeMessages: options.removeMessages ?? false } }),
      );
      const removed = reply.removedMessages ?? 0;
      pushNotice(
        removed > 0 ? t('people.notice.bannedRemoved', { name: who.displayName, count: removed }) : t('people.notice.banned', { name: who.displayName }),
        () => actions.unban(who, false),
      );
    },
    async unban(who: Target, announce = true): Promise<void> {
      await done(api.call(routes.unban, { params: userParams(who.userId) }));
      if (announce) pushNotice(t('people.notice.unbanned', { name: who.displayName }), () => actions.ban(who, {}));
    },
  };
  return actions;
}
