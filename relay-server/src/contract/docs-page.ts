/**
 * `/api/docs`: the OpenAPI document rendered by Swagger UI (swagger-ui-dist from npm, served by the relay
 * itself: no CDN). Our initialiser is a file too, so the page runs under a CSP without inline scripts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { contractPaths } from './paths.js';

const swaggerDir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const assetBase = contractPaths.docs;

export const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  // Swagger UI sets style attributes from its scripts.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Afritok Live relay — API reference</title>
<link rel="stylesheet" href="${assetBase}/swagger-ui.css">
</head><body>
<p style="font:14px system-ui,sans-serif;margin:12px 20px">OpenAPI document: <a href="${contractPaths.openapi}">${contractPaths.openapi}</a>
· Socket.io events: <a href="${contractPaths.events}">${contractPaths.events}</a></p>
<div id="swagger-ui"></div>
<script src="${assetBase}/swagger-ui-bundle.js"></script>
<script src="${assetBase}/init.js"></script>
</body></html>`;

const INIT_JS = `window.ui = SwaggerUIBundle({
  url: ${JSON.stringify(contractPaths.openapi)},
  dom_id: '#swagger-ui',
  deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
});
`;

export interface DocsAsset {
  type: string;
  body: Buffer;
}

/** The only files /api/docs/:file serves (read lazily, once). */
const assetSources: Record<string, { type: string; read: () => Buffer }> = {
  'swagger-ui.css': { type: 'text/css; charset=utf-8', read: () => readFileSync(path.join(swaggerDir, 'swagger-ui.css')) },
  'swagger-ui-bundle.js': { type: 'text/javascript; charset=utf-8', read: () => readFileSync(path.join(swaggerDir, 'swagger-ui-bundle.js')) },
  'init.js': { type: 'text/javascript; charset=utf-8', read: () => Buffer.from(INIT_JS) },
};

export function docsAsset(file: string): DocsAsset | undefined {
  const source = Object.hasOwn(assetSources, file) ? assetSources[file] : undefined;
  return source && { type: source.type, body: source.read() };
}
