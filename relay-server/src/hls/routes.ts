import type { Request, Response, Router } from 'express';
import { HlsBlockingQuery } from '../../../protocol/hls.js';
import { routes } from '../../../protocol/routes.js';
import { mount } from '../http/mount.js';
import type { MediaService } from '../media/service.js';
import { accessSession } from '../sessions/access.js';
import type { Repositories } from '../storage/types.js';
import type { HlsReply } from './origin.js';
import type { HlsService } from './service.js';

const CACHE_CONTROL: Record<HlsReply['cache'], string> = {
  // Parts, segments and init sections never change once served: any cache may keep them.
  immutable: 'public, max-age=31536000, immutable',
  // A playlist changes every part: a CDN may serve it for one second at most.
  playlist: 'public, max-age=1',
  // A blocking reload names the part it waited for: its answer stays right for the next reloads too.
  blocking: 'public, max-age=6',
  master: 'public, max-age=5',
  none: 'no-store',
  // No Cache-Control at all: a cache in front of several relays (nginx proxy_next_upstream http_404)
  // asks the next one, and nginx caches that relay's answer only if no earlier answer said "do not
  // store" (any no-store/no-cache/max-age=0 on the 404 would make the 200 that follows uncacheable).
  elsewhere: '',
};

function send(res: Response, reply: HlsReply): void {
  res.set('Access-Control-Allow-Origin', '*');
  const cacheControl = CACHE_CONTROL[reply.cache];
  if (cacheControl) res.set('Cache-Control', cacheControl);
  if (reply.retryAfterSeconds !== undefined) res.set('Retry-After', String(reply.retryAfterSeconds));
  res.status(reply.status).type(reply.contentType).send(reply.body);
}

/**
 * `/hls/:sessionId/master.m3u8` and `/hls/:sessionId/:rendition/:file` (outside /api: media for players
 * and CDNs, no cookies or tokens, public lives only). Thin: HlsOrigin decides every answer.
 */
export function mountHlsRoutes(router: Router, hls: () => HlsService, replayOf: (sessionId: string) => Promise<string | null> = () => Promise.resolve(null)): void {
  router.get('/hls/:sessionId/master.m3u8', async (req: Request, res: Response) => {
    const sessionId = String(req.params.sessionId);
    const reply = await hls().origin.master(sessionId);
    // An ended public live still 404s here, and names its replay (replays/).
    const replay = reply.status === 404 ? await replayOf(sessionId) : null;
    if (replay) res.set('Link', `<${replay}>; rel="alternate"; type="application/vnd.apple.mpegurl"`);
    send(res, replay ? { ...reply, body: `This live has ended; its replay is at ${replay}` } : reply);
  });
  router.get('/hls/:sessionId/:rendition/:file', async (req: Request, res: Response) => {
    const query = HlsBlockingQuery.safeParse(req.query);
    if (!query.success) {
      send(res, { status: 400, body: `Invalid blocking reload: ${query.error.issues.map((i) => i.message).join('; ')}`, contentType: 'text/plain; charset=utf-8', cache: 'none' });
      return;
    }
    const { sessionId, rendition, file } = req.params;
    const reply = await hls().origin.file(String(sessionId), String(rendition), String(file), query.data, req.ip ?? 'unknown');
    if (!res.destroyed) send(res, reply);
  });
  router.options('/hls/{*rest}', (_req: Request, res: Response) => {
    res.set({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'GET, OPTIONS', 'Access-Control-Max-Age': '86400' }).status(204).end();
  });
}

/** `GET /api/sessions/:id/hls`: the viewer page asks where the LL-HLS is and whether WebRTC has room. */
export function mountHlsHintRoute(router: Router, deps: { repos: Repositories; hls: () => HlsService; media: () => MediaService }): void {
  mount(router, routes.hlsHint, async ({ actor, params }) => {
    await accessSession(deps.repos, params.id, actor);
    return { hls: await deps.hls().hint(params.id, deps.media().webrtcViewers()) };
  });
}
