import fs from 'node:fs';
import path from 'node:path';
import type { Request, Response } from 'express';
import { preferredCoding } from './encoding.js';

/** Files the build precompresses (scripts/vite-precompress.ts): their answers vary by Accept-Encoding. */
export const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt)$/;

const suffix = { br: '.br', gzip: '.gz' } as const;

/**
 * Sends the precompressed copy of `relPath` (under `root`) that the client accepts, with the original's
 * type and `Content-Encoding`. Returns false when there is none (no copy built, or the client takes
 * neither coding): the caller serves the plain file.
 */
export function sendPrecompressed(
  req: Request,
  res: Response,
  root: string,
  relPath: string,
  onError: (err: Error) => void,
  headers: Record<string, string> = {},
): boolean {
  if (!COMPRESSIBLE.test(relPath)) return false;
  res.vary('Accept-Encoding');
  const coding = preferredCoding(req);
  if (!coding) return false;
  const candidate = path.join(root, `${relPath}${suffix[coding]}`);
  if (!candidate.startsWith(root + path.sep) || !isFile(candidate)) return false;
  res.type(path.extname(relPath));
  res.setHeader('Content-Encoding', coding);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.sendFile(candidate, { dotfiles: 'deny' }, (err) => {
    if (err) onError(err);
  });
  return true;
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
