import type { Router } from 'express';
import { routes } from '../../../protocol/routes.js';
import type { ModuleContext } from '../core/module.js';
import { mount } from '../http/mount.js';
import { shareBaseUrl } from '../share/base-url.js';
import type { InvitationsService } from './service.js';

/** Thin HTTP adapter over InvitationsService. */
export function mountInvitationRoutes(router: Router, ctx: ModuleContext): void {
  const invitations = (): InvitationsService => ctx.services.get('invitations');

  mount(router, routes.invite, async ({ actor, params, body }) => ({
    invitation: await invitations().invite(params.id, actor, body.toUserId, body.message),
  }));
  mount(router, routes.createInviteLink, async ({ actor, params, body, req }) =>
    invitations().createLink(params.id, actor, body ?? {}, shareBaseUrl(ctx.config.publicUrl, req, ctx.config.host)),
  );
  mount(router, routes.inviteLinkInfo, async ({ params }) => invitations().linkInfo(params.token));
  mount(router, routes.redeemInviteLink, async ({ actor, params }) => invitations().redeemLink(params.token, actor));
  mount(router, routes.sessionInvitations, async ({ actor, params }) => ({ invitations: await invitations().forSession(params.id, actor) }));
  mount(router, routes.revokeInvitation, async ({ actor, params }) => ({ invitation: await invitations().revoke(params.id, actor) }));
  mount(router, routes.pendingInvitations, async ({ actor }) => ({ invitations: await invitations().pending(actor) }));
  mount(router, routes.acceptInvitation, async ({ actor, params }) => invitations().accept(params.id, actor));
  mount(router, routes.rejectInvitation, async ({ actor, params }) => ({ invitation: await invitations().reject(params.id, actor) }));
}
