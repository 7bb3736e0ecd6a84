import express, { type Request, type Response, type Router } from 'express';
import { routes } from '../../../protocol/routes.js';
import { AVATAR_MAX_BYTES, avatarPaths } from '../../../protocol/follows.js';
import { Id } from '../../../protocol/common.js';
import { AppError, fail } from '../core/errors.js';
import { actorOf, mount } from '../http/mount.js';
import { sendError } from '../http/errors.js';
import { toAppError } from '../http/error-handler.js';
import { isAvatarType } from './avatar.js';
import type { FollowsService } from './service.js';

const MAX_IDS = 100;
const apiless = (path: string) => path.replace(/^\/api/, '');
const readImage = express.raw({ type: () => true, limit: AVATAR_MAX_BYTES });

/** A body-parser failure as the contract's error, naming the avatar's own limit. */
function readError(err: unknown): unknown {
  const error = toAppError(err);
  return error instanceof AppError && error.code === 'payload_too_large'
    ? new AppError('payload_too_large', `The image is larger than ${AVATAR_MAX_BYTES / (1024 * 1024)} MiB`)
    : error;
}

/** Thin HTTP adapters over FollowsService. */
export function mountFollowRoutes(router: Router, follows: () => FollowsService): void {
  mount(router, routes.getUser, async ({ params, actor }) => ({ user: await follows().profile(params.userId, actor) }));
  mount(router, routes.profilePage, async ({ params, actor }) => follows().profilePage(params.username, actor));
  mount(router, routes.follow, async ({ params, actor }) => follows().follow(actor, params.userId));
  mount(router, routes.unfollow, async ({ params, actor }) => follows().unfollow(actor, params.userId));
  mount(router, routes.muteCreatorNotifications, async ({ params, body, actor }) => ({
    user: await follows().setNotificationsMuted(actor, params.userId, body.muted),
  }));
  mount(router, routes.following, async ({ query, actor }) => {
    const ids = query.ids.split(',').filter(Boolean);
    if (ids.length > MAX_IDS || !ids.every((id) => Id.safeParse(id).success)) throw fail.invalidInput(`At most ${MAX_IDS} ids`);
    return { following: await follows().following(actor, ids) };
  });
  mount(router, routes.updateProfile, async ({ body, actor }) => ({ user: await follows().updateProfile(actor, body) }));
  mount(router, routes.removeAvatar, async ({ actor }) => ({ user: await follows().setAvatar(actor, null) }));

  // Binary routes, outside the JSON contract: the image itself goes up and comes down.
  router.post(apiless(avatarPaths.upload), (req: Request, res: Response) => {
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!isAvatarType(type)) {
      sendError(res, fail.unsupportedMediaType('Send a PNG, JPEG, WebP or GIF image'), req);
      return;
    }
    readImage(req, res, async (err?: unknown) => {
      try {
        if (err) throw readError(err);
        const bytes: unknown = req.body;
        if (!Buffer.isBuffer(bytes) || bytes.length === 0) throw fail.invalidInput('The file is empty');
        res.status(200).json({ user: await follows().setAvatar(actorOf(res), bytes) });
      } catch (error) {
        sendError(res, error, req);
      }
    });
  });
  router.get(apiless(avatarPaths.image), async (req: Request, res: Response) => {
    try {
      const userId = Id.safeParse(req.params.userId);
      if (!userId.success) throw fail.invalidInput('Invalid user id');
      const image = await follows().avatar(userId.data);
      if (!image) throw fail.notFound('Avatar');
      // The URL carries the version (?v=): a changed avatar has a new address.
      res.setHeader('Cache-Control', 'public, max-age=86400');
      res.type('image/webp').send(image);
    } catch (error) {
      sendError(res, error, req);
    }
  });
}
