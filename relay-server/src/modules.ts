import type { RelayModule } from './core/module.js';
import { authModule } from './auth/module.js';

/**
 * The relay's domain modules, in build order (see RelayModule in core/module.ts for the lifecycle).
 * To add a domain: export a `RelayModule` from its folder (e.g. `sessions/module.ts`) and add ONE line
 * below. Modules reach each other only through `ctx.services` (typed by declaration merging on
 * `Services` in core/module.ts), looked up when a request is handled, so their order here only decides
 * route mounting order.
 */
export const modules: readonly RelayModule[] = [
  authModule,
  // sessionsModule,     (helper-2b) import { sessionsModule } from './sessions/module.js';
  // invitationsModule,  (helper-2b) import { invitationsModule } from './invitations/module.js';
  // signalingModule,    (helper-2b) import { signalingModule } from './signaling/module.js';
  // chatModule,         (helper-3)  import { chatModule } from './chat/module.js';
  // moderationModule,   (helper-3)  import { moderationModule } from './moderation/module.js';
];
