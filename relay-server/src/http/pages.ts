import path from 'node:path';
import express, { type Request, type Response, type Router } from 'express';
import { fail } from '../core/errors.js';
import { sendError } from './errors.js';
import { pageCsp } from './security.js';

/** Page paths and the Vite entry each one serves. */
const PAGES: ReadonlyArray<readonly [string, string]> = [
  ['/', 'index.html'],
  ['/watch/:sessionId', 'watch.html'],
  ['/studio', 'studio.html'],
  ['/join/:token', 'join.html'],
];

/** Serves the built renderer (dist-web): the page entries, then its hashed assets. */
export function pagesRouter(webRoot: string): Router {
  const root = path.resolve(webRoot);
  const router = express.Router();

  for (const [route, file] of PAGES) {
    router.get(route, (req: Request, res: Response) => {
      res.setHeader('Content-Security-Policy', pageCsp(req.headers.host));
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(file, { root, dotfiles: 'deny' }, (err) => {
        if (err) sendError(res, fail.notFound('Page'), req);
      });
    });
  }
  router.use(
    express.static(root, {
      index: false,
      dotfiles: 'deny',
      fallthrough: true,
      setHeaders(res, filePath) {
        // Vite puts content-hashed files under assets/: they never change.
        if (filePath.includes(`${path.sep}assets${path.sep}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        if (filePath.endsWith('.html')) res.setHeader('Content-Security-Policy', pageCsp(res.req.headers.host));
      },
    }),
  );
  return router;
}
