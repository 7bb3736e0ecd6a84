import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Request, Response } from 'express';
import type { RelayModule } from '../core/module.js';
import { fail } from '../core/errors.js';
import { sendError } from '../http/errors.js';
import { compressBoth, sendNegotiated, type ContentCoding } from '../http/encoding.js';
import { REPO_ROOT } from '../web-bundle.js';
import { buildOpenApiDocument } from './openapi.js';
import { buildEventsReference } from './events-reference.js';
import { DOCS_CSP, DOCS_HTML, docsAsset } from './docs-page.js';
import { contractPaths } from './paths.js';

interface Prepared {
  type: string;
  plain: Buffer;
  compressed: Record<ContentCoding, Buffer>;
}

/** Built on first request and kept: the contract cannot change while the process runs. */
function once(type: string, make: () => Buffer): () => Prepared {
  let prepared: Prepared | undefined;
  return () => {
    if (!prepared) {
      const plain = make();
      prepared = { type, plain, compressed: compressBoth(plain) };
    }
    return prepared;
  };
}

function relayVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  return typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}

const json = 'application/json; charset=utf-8';
const strip = (p: string) => p.replace(/^\/api/, '');

function send(req: Request, res: Response, item: Prepared, cacheControl: string): void {
  res.type(item.type).setHeader('Cache-Control', cacheControl);
  sendNegotiated(req, res, item.plain, item.compressed);
}

/** The contract, published by the relay itself: OpenAPI, the events reference and the rendered docs. */
export const contractModule: RelayModule = {
  name: 'contract',
  create: () => ({
    http(router) {
      const openapi = once(json, () => Buffer.from(JSON.stringify(buildOpenApiDocument(relayVersion()))));
      const events = once(json, () => Buffer.from(JSON.stringify(buildEventsReference())));
      const page = once('text/html; charset=utf-8', () => Buffer.from(DOCS_HTML));
      const assets = new Map<string, () => Prepared>();

      // Public and identical for everyone: a short shared cache is fine (the /api default is no-store).
      const revalidate = 'public, max-age=300';
      router.get(strip(contractPaths.openapi), (req, res) => send(req, res, openapi(), revalidate));
      router.get(strip(contractPaths.events), (req, res) => send(req, res, events(), revalidate));
      router.get(strip(contractPaths.docs), (req, res) => {
        res.setHeader('Content-Security-Policy', DOCS_CSP);
        send(req, res, page(), revalidate);
      });
      router.get(strip(contractPaths.docsAsset), (req: Request<{ file: string }>, res) => {
        const file = req.params.file;
        let asset = assets.get(file);
        if (!asset) {
          const found = docsAsset(file);
          if (!found) return sendError(res, fail.notFound('File'), req);
          asset = once(found.type, () => found.body);
          assets.set(file, asset);
        }
        send(req, res, asset(), revalidate);
      });
    },
  }),
};
