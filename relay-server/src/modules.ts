import type { RelayModule } from './core/module.js';
import { authModule } from './auth/module.js';
import { sessionsModule } from './sessions/module.js';
import { invitationsModule } from './invitations/module.js';
import { signalingModule } from './signaling/module.js';
import { chatModule } from './chat/module.js';
import { moderationModule } from './moderation/module.js';
import { mediaModule } from './media/module.js';
import { shareModule } from './share/module.js';
import { ingestModule } from './ingest/module.js';
import { ffmpegModule } from './ffmpeg/module.js';
import { stageModule } from './stage/module.js';
import { hlsModule } from './hls/module.js';
import { viewerPathsModule } from './viewer-paths/module.js';
import { replaysModule } from './replays/module.js';
import { accountSettingsModule } from './account-settings/module.js';
import { contractModule } from './contract/module.js';
import { operatorModule } from './operator/module.js';
import { giftsModule } from './gifts/module.js';
import { followsModule } from './follows/module.js';
import { notificationsModule } from './notifications/module.js';
import { destinationsModule } from './destinations/module.js';
import { analyticsModule } from './analytics/module.js';
import { schedulesModule } from './schedules/module.js';

/**
 * The relay's domain modules, in build order (see RelayModule in core/module.ts for the lifecycle).
 * To add a domain: export a `RelayModule` from its folder (e.g. `sessions/module.ts`) and add ONE line
 * below. Modules reach each other only through `ctx.services` (typed by declaration merging on
 * `Services` in core/module.ts), looked up when a request is handled, so their order here only decides
 * route mounting order.
 */
export const modules: readonly RelayModule[] = [
  authModule,
  sessionsModule,
  invitationsModule,
  signalingModule,
  chatModule,
  moderationModule,
  mediaModule,
  ffmpegModule,
  ingestModule,
  shareModule,
  stageModule,
  accountSettingsModule,
  followsModule,
  notificationsModule,
  schedulesModule,
  contractModule,
  operatorModule,
  giftsModule,
  hlsModule,
  viewerPathsModule,
  destinationsModule,
  replaysModule,
  analyticsModule,
];
