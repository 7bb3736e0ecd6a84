import type { z } from 'zod';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { buildPath } from '../../../protocol/http.js';
import { MediaResourceParams, MediaSessionParams, mediaPaths } from '../../../protocol/media.js';
import { routes } from '../../../protocol/routes.js';
import { AppError, fail, zodDetails } from '../core/errors.js';
import type { ModuleContext } from '../core/module.js';
import { sendError } from '../http/errors.js';
import { actorOf, mount } from '../http/mount.js';
import type { MediaResource, ResourceKind } from './forwarder.js';
import { MAX_SDP_BYTES } from './sdp-offer.js';
import { iceServerLinks } from './ice-links.js';
import { iceServersFor } from '../sessions/ice.js';
import type { MediaService } from './service.js';

const readSdp = express.text({ type: 'application/sdp', limit: MAX_SDP_BYTES });

/** Reads an `application/sdp` body; any other content type is 415 (RFC 9725 §4.2). */
export function sdpBody(req: Request, res: Response): Promise<unknown> {
  if (!req.is('application/sdp')) return Promise.reject(fail.unsupportedMediaType('The body must be an SDP offer with Content-Type: application/sdp'));
  return new Promise((resolve, reject) => {
    void readSdp(req, res, (err?: unknown) => {
      if (!err) return resolve(req.body as unknown);
      const tooLarge = typeof err === 'object' && err !== null && 'type' in err && err.type === 'entity.too.large';
      reject(tooLarge ? new AppError('payload_too_large', `An SDP offer may not exceed ${MAX_SDP_BYTES} bytes`) : fail.invalidInput('The request body could not be read'));
    });
  });
}

function params<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  const parsed = schema.safeParse({ ...req.params });
  if (!parsed.success) throw fail.invalidInput('Invalid path', zodDetails(parsed.error.issues));
  return parsed.data;
}

/**
 * A 201 with the SDP answer: `Location` of the resource and, per RFC 9725 §4.6, the ICE servers as
 * `Link: rel="ice-server"` headers (STUN/TURN with minted TURN credentials), readable by browsers too.
 */
export function sendSdpAnswer(res: Response, location: string, answerSdp: string, links: string[]): void {
  if (links.length > 0) res.set('Link', links);
  res
    .status(201)
    .type('application/sdp')
    .set('Location', location)
    .set('Access-Control-Expose-Headers', 'Location, Link')
    .send(answerSdp);
}

/** The Link values for whoever is asking (TURN credentials carry their user id, or `anonymous`). */
export function iceLinksFor(ctx: ModuleContext, res: Response): string[] {
  return iceServerLinks(iceServersFor(ctx.config, actorOf(res)?.userId ?? 'anonymous', ctx.clock()));
}

function sendAnswer(ctx: ModuleContext, res: Response, resource: MediaResource): void {
  const resourcePath = resource.kind === 'whip' ? mediaPaths.whipResource : mediaPaths.whepResource;
  sendSdpAnswer(res, buildPath(resourcePath, { id: resource.sessionId, resourceId: resource.resourceId }), resource.answerSdp, iceLinksFor(ctx, res));
}

export type Handler = (req: Request, res: Response) => Promise<void>;
export const guarded = (handler: Handler) => (req: Request, res: Response, _next: NextFunction) => {
  handler(req, res).catch((err: unknown) => sendError(res, err, req));
};

const ENDPOINT_METHODS = 'OPTIONS, POST';
const RESOURCE_METHODS = 'DELETE, OPTIONS';

/**
 * OPTIONS on a WHIP/WHEP path: what it accepts, with or without an Origin (CORS headers were set
 * before); the endpoint also names its ICE servers (RFC 9725 §4.6), so a client can gather with them.
 */
const describe = (methods: string, links: ((res: Response) => string[]) | null) => (_req: Request, res: Response) => {
  res.set('Allow', methods);
  if (links) {
    res.set('Accept-Post', 'application/sdp');
    const values = links(res);
    if (values.length > 0) res.set('Link', values).set('Access-Control-Expose-Headers', 'Link');
  }
  // No PATCH (no trickle ICE or ICE restart): it is not advertised to browsers either.
  if (res.getHeader('Access-Control-Allow-Origin') !== undefined) res.set('Access-Control-Allow-Methods', methods);
  res.status(204).end();
};

const notAllowed = (methods: string) => (req: Request, res: Response) => {
  res.set('Allow', methods);
  sendError(res, fail.methodNotAllowed(methods), req);
};

/**
 * Mounts a WHIP/WHEP endpoint and its resources the way RFC 9725 asks: POST (SDP offer → 201 answer)
 * and OPTIONS on the endpoint, DELETE and OPTIONS on a resource, 405 with `Allow` for anything else.
 */
export function mountWhipEndpoint(router: Router, endpoint: string, resource: string, handlers: { post: Handler; remove: Handler; iceLinks: (res: Response) => string[] }): void {
  router.options(endpoint, describe(ENDPOINT_METHODS, handlers.iceLinks));
  router.post(endpoint, guarded(handlers.post));
  router.all(endpoint, notAllowed(ENDPOINT_METHODS));
  router.options(resource, describe(RESOURCE_METHODS, null));
  router.delete(resource, guarded(handlers.remove));
  router.all(resource, notAllowed(RESOURCE_METHODS));
}

/** Thin HTTP adapter: WHIP/WHEP (SDP bodies, Location headers) and the JSON media hint. */
export function mountMediaRoutes(router: Router, ctx: ModuleContext): void {
  const media = (): MediaService => ctx.services.get('media');
  const strip = (path: string) => path.replace(/^\/api/, '');

  mount(router, routes.mediaHint, async ({ actor, params: p }) => ({ media: await media().hint(p.id, actor) }));

  const create = (kind: ResourceKind): Handler => async (req, res) => {
    const { id } = params(MediaSessionParams, req);
    const body = await sdpBody(req, res);
    const actor = actorOf(res);
    // The client as the trusted proxies report it (TRUST_PROXY), like every other per-address limit.
    const clientKey = req.ip ?? 'unknown';
    const result = await (kind === 'whip' ? media().publish(id, actor, body, clientKey) : media().play(id, actor, body, clientKey)).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'unauthorized') res.set('WWW-Authenticate', 'Bearer');
      throw err;
    });
    // 307 keeps the method and body: the client POSTs the same offer to the node holding the publisher.
    if ('redirect' in result) res.redirect(307, result.redirect);
    else sendAnswer(ctx, res, result);
  };
  const remove = (kind: ResourceKind): Handler => async (req, res) => {
    const { id, resourceId } = params(MediaResourceParams, req);
    media().stop(id, resourceId, kind);
    res.status(200).end();
  };

  const iceLinks = (res: Response) => iceLinksFor(ctx, res);
  mountWhipEndpoint(router, strip(mediaPaths.whip), strip(mediaPaths.whipResource), { post: create('whip'), remove: remove('whip'), iceLinks });
  mountWhipEndpoint(router, strip(mediaPaths.whep), strip(mediaPaths.whepResource), { post: create('whep'), remove: remove('whep'), iceLinks });
}
