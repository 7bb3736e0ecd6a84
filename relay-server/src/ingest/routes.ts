import type { Request, Response, Router } from 'express';
import { buildPath } from '../../../protocol/http.js';
import { IngestResourceParams, ingestPaths } from '../../../protocol/ingest.js';
import { routes } from '../../../protocol/routes.js';
import { AppError, fail, zodDetails } from '../core/errors.js';
import type { ModuleContext } from '../core/module.js';
import { bearerToken } from '../auth/credentials.js';
import { mount } from '../http/mount.js';
import { iceLinksFor, mountWhipEndpoint, sdpBody, sendSdpAnswer } from '../media/routes.js';
import { shareBaseUrl } from '../share/base-url.js';
import type { IngestService } from './service.js';
import { RTMP_APP } from './rtmp/publish.js';

const strip = (path: string) => path.replace(/^\/api/, '');

/** Where encoders send, as other machines reach this relay. */
function ingestAddresses(ctx: ModuleContext, rtmpPort: number | null, req: Request) {
  const base = shareBaseUrl(ctx.config.publicUrl, req, ctx.config.host);
  const rtmpUrl = rtmpPort === null ? null : (ctx.config.ingest?.rtmpPublicUrl ?? `rtmp://${new URL(base).hostname}:${rtmpPort}/${RTMP_APP}`);
  return { whipUrl: `${base}${ingestPaths.whip}`, rtmpUrl };
}

/** Thin HTTP adapter: stream key management (JSON, signed-in owner) and the WHIP ingest address (SDP, stream key). */
export function mountIngestRoutes(router: Router, ctx: ModuleContext, rtmpPort: () => number | null): void {
  const ingest = (): IngestService => ctx.services.get('ingest');

  mount(router, routes.listStreamKeys, async ({ actor, req }) => ({ ...(await ingest().list(actor)), ingest: ingestAddresses(ctx, rtmpPort(), req) }));
  mount(router, routes.createStreamKey, async ({ actor, body }) => ingest().create(actor, body?.label));
  mount(router, routes.revokeStreamKey, async ({ actor, params }) => {
    await ingest().revoke(actor, params.keyId);
    return undefined;
  });
  mount(router, routes.regenerateStreamKey, async ({ actor, params }) => ingest().regenerate(actor, params.keyId));
  mount(router, routes.saveIngestDefaults, async ({ actor, body }) => ({ defaults: await ingest().saveDefaults(actor, body) }));

  mountWhipEndpoint(router, strip(ingestPaths.whip), strip(ingestPaths.whipResource), {
    post: async (req: Request, res: Response) => {
    const bearer = bearerToken(req.headers.authorization);
    const body = await sdpBody(req, res);
    const resource = await ingest().publish(bearer, body, req.ip ?? 'unknown').catch((err: unknown) => {
      // RFC 9725 §4.1 / RFC 6750: a refused key is answered with the scheme the endpoint expects.
      if (err instanceof AppError && err.code === 'unauthorized') res.set('WWW-Authenticate', 'Bearer realm="ingest"');
      throw err;
    });
    sendSdpAnswer(res, buildPath(ingestPaths.whipResource, { resourceId: resource.resourceId }), resource.answerSdp, iceLinksFor(ctx, res));
    },
    remove: async (req: Request, res: Response) => {
      const parsed = IngestResourceParams.safeParse({ ...req.params });
      if (!parsed.success) throw fail.invalidInput('Invalid path', zodDetails(parsed.error.issues));
      ingest().stop(parsed.data.resourceId);
      res.status(200).end();
    },
    iceLinks: (res: Response) => iceLinksFor(ctx, res),
  });
}
