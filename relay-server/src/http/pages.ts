import path from 'node:path';
import express, { type Request, type Response, type Router } from 'express';
import { fail } from '../core/errors.js';
import { sendError } from './errors.js';
import { pageCsp } from './security.js';
import { COMPRESSIBLE, sendPrecompressed } from './precompressed.js';

/** Vite puts content-hashed files under assets/: they never change. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Page paths and the Vite entry each one serves. */
const PAGES: ReadonlyArray<readonly [string, string]> = [
  ['/', 'index.html'],
  ['/watch/:sessionId', 'watch.html'],
  ['/replay/:sessionId', 'replay.html'],
  ['/studio', 'studio.html'],
  ['/join/:token', 'join.html'],
  ['/u/:username', 'profile.html'],
];

/** What a browser gets for an address that is no page: words for a person, in both languages, and a way back. */
const NOT_FOUND_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Afritok Live — page not found</title></head>
<body style="margin:0;min-height:100vh;display:grid;place-items:center;background:#111216;color:#e6e7ea;font:16px/1.5 system-ui,sans-serif">
<main style="text-align:center;padding:24px">
<h1 style="font-size:1.4rem">This page does not exist.</h1>
<p lang="fr">Cette page n’existe pas.</p>
<p><a href="/" style="color:#ff4d6d">See who is live now</a> · <a href="/" lang="fr" style="color:#ff4d6d">Voir les directs</a></p>
</main></body></html>`;

/** Browser navigations (they ask for HTML) get the page above; API-style callers keep the JSON error. */
function wantsHtml(req: Request): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && req.accepts(['json', 'html']) === 'html';
}

/** Serves the built renderer (dist-web): the page entries, then its hashed assets. */
export function pagesRouter(webRoot: string, mediaOrigins: readonly string[] = []): Router {
  const root = path.resolve(webRoot);
  const router = express.Router();

  for (const [route, file] of PAGES) {
    router.get(route, (req: Request, res: Response) => {
      res.setHeader('Content-Security-Policy', pageCsp(req.headers.host, mediaOrigins));
      res.setHeader('Cache-Control', 'no-cache');
      const missing = () => sendError(res, fail.notFound('Page'), req);
      if (sendPrecompressed(req, res, root, file, missing)) return;
      res.sendFile(file, { root, dotfiles: 'deny' }, (err) => {
        if (err) missing();
      });
    });
  }
  // Hashed assets: the brotli or gzip copy built beside each one, when the client takes it.
  router.get(/^\/assets\/[^/]+$/, (req: Request, res: Response, next: () => void) => {
    if (!sendPrecompressed(req, res, root, req.path.slice(1), () => next(), { 'Cache-Control': IMMUTABLE })) next();
  });
  router.use(
    express.static(root, {
      index: false,
      dotfiles: 'deny',
      fallthrough: true,
      setHeaders(res, filePath) {
        if (filePath.includes(`${path.sep}assets${path.sep}`)) res.setHeader('Cache-Control', IMMUTABLE);
        if (COMPRESSIBLE.test(filePath)) res.vary('Accept-Encoding');
        if (filePath.endsWith('.html')) res.setHeader('Content-Security-Policy', pageCsp(res.req.headers.host, mediaOrigins));
      },
    }),
  );
  // Browsers ask for /favicon.ico on every page; "no icon" is not an error worth a red console line.
  router.get('/favicon.ico', (_req: Request, res: Response) => {
    res.status(204).end();
  });
  router.use((req: Request, res: Response, next: () => void) => {
    if (!wantsHtml(req)) return next();
    res.status(404).setHeader('Content-Security-Policy', pageCsp(req.headers.host, mediaOrigins));
    res.type('html').send(NOT_FOUND_HTML);
  });
  return router;
}
