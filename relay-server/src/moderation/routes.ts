import type { Router } from 'express';
import { routes } from '../../../protocol/routes.js';
import { mount } from '../http/mount.js';
import type { ModerationService } from './service.js';

/** Thin HTTP adapters: the protocol route, the service call, the reply. */
export function mountModerationRoutes(router: Router, moderation: () => ModerationService): void {
  mount(router, routes.mute, async ({ params, body, actor }) => ({ mute: await moderation().mute(actor, params.id, body) }));
  mount(router, routes.unmute, async ({ params, actor }) => {
    await moderation().unmute(actor, params.id, params.userId);
    return undefined;
  });
  mount(router, routes.ban, async ({ params, body, actor }) => moderation().ban(actor, params.id, body));
  mount(router, routes.moderationPeople, async ({ params, actor }) => moderation().people(actor, params.id));
  mount(router, routes.unban, async ({ params, actor }) => {
    await moderation().unban(actor, params.id, params.userId);
    return undefined;
  });
  mount(router, routes.chatSettings, async ({ params, actor }) => ({ settings: await moderation().getSettings(actor, params.id) }));
  mount(router, routes.updateChatSettings, async ({ params, body, actor }) => ({
    settings: await moderation().updateSettings(actor, params.id, body),
  }));
  mount(router, routes.moderationLog, async ({ params, actor }) => ({ entries: await moderation().log(actor, params.id) }));
}
