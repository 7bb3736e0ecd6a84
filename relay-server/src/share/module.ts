import { routes } from '../../../protocol/routes.js';
import type { RelayModule } from '../core/module.js';
import { mount } from '../http/mount.js';
import { lanUrls, listensOnLan, shareBaseUrl } from './base-url.js';
import { mediaOrigins } from './media-origins.js';

/** `GET /api/info`: where links for other people should point, and which media servers the studio must reach. */
export const shareModule: RelayModule = {
  name: 'share',
  create: (ctx) => ({
    http(router) {
      mount(router, routes.relayInfo, async ({ req }) => {
        const port = Number((req.get('host') ?? '').split(':').pop()) || ctx.config.port;
        return {
          shareBaseUrl: shareBaseUrl(ctx.config.publicUrl, req, ctx.config.host),
          lanUrls: listensOnLan(ctx.config.host) ? lanUrls(port, req.protocol) : [],
          mediaOrigins: mediaOrigins(ctx.config.media?.external),
        };
      });
    },
  }),
};
