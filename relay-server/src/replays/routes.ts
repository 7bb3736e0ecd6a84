import type { Request, Response, Router } from 'express';
import { routes } from '../../../protocol/routes.js';
import { ReplayFileParams, replayPaths } from '../../../protocol/replays.js';
import { fail } from '../core/errors.js';
import { actorOf, mount } from '../http/mount.js';
import { sendError } from '../http/errors.js';
import type { ReplaysService } from './service.js';

const apiless = (path: string) => path.replace(/^\/api/, '');

/** Thin HTTP adapters over ReplaysService. */
export function mountReplayRoutes(router: Router, replays: () => ReplaysService): void {
  mount(router, routes.getRecording, async ({ params, actor }) => ({ recording: await replays().recording(actor, params.id) }));
  mount(router, routes.setRecording, async ({ params, body, actor }) => ({ recording: await replays().setEnabled(actor, params.id, body.enabled) }));
  mount(router, routes.getReplay, async ({ params, actor }) => ({ replay: await replays().replay(actor, params.id) }));
  mount(router, routes.deleteReplay, async ({ params, actor }) => {
    await replays().delete(actor, params.id);
    return undefined;
  });
  mount(router, routes.pastLives, async () => ({ pastLives: await replays().publicPastLives() }));
  mount(router, routes.myPastLives, async ({ actor }) => ({ pastLives: await replays().hostPastLives(actor) }));

  // Media, outside the JSON contract: the VOD playlist and segments for the player, the MP4, the poster.
  // Under /api so the sign-in cookie opens a private live's replay to its host and participants.
  router.get(apiless(replayPaths.file), async (req: Request, res: Response) => {
    try {
      const params = ReplayFileParams.safeParse(req.params);
      if (!params.success) throw fail.notFound('Replay file');
      const file = await replays().file(actorOf(res), params.data.id, params.data.file);
      res.setHeader('Cache-Control', file.isPublic ? 'public, max-age=3600' : 'private, max-age=3600');
      if (file.isPublic) res.setHeader('Access-Control-Allow-Origin', '*');
      if (file.downloadName) res.attachment(file.downloadName);
      res.type(file.contentType);
      res.sendFile(file.path, { dotfiles: 'deny', cacheControl: false, lastModified: true }, (err) => {
        if (err && !res.headersSent) sendError(res, fail.notFound('Replay file'), req);
      });
    } catch (error) {
      sendError(res, error, req);
    }
  });
}
