import zlib from 'node:zlib';
import type { Request, Response } from 'express';

export type ContentCoding = 'br' | 'gzip';

/**
 * Brotli when the client takes it (smaller), else gzip, else none. Browsers list gzip first
 * (`gzip, deflate, br, zstd`) at equal weight: the choice among acceptable codings is ours.
 */
export function preferredCoding(req: Request): ContentCoding | undefined {
  if (req.acceptsEncodings('br') === 'br') return 'br';
  if (req.acceptsEncodings('gzip') === 'gzip') return 'gzip';
  return undefined;
}

/**
 * Both codings of a body, compressed once and served many times. `strongest` (build time) takes seconds
 * on a megabyte; while a request waits, brotli quality 6 is nearly as small at a fraction of the time.
 */
export function compressBoth(body: Buffer, strongest = false): Record<ContentCoding, Buffer> {
  const quality = strongest ? zlib.constants.BROTLI_MAX_QUALITY : 6;
  return {
    br: zlib.brotliCompressSync(body, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }),
    gzip: zlib.gzipSync(body, { level: zlib.constants.Z_BEST_COMPRESSION }),
  };
}

/** Sends `plain` or one of its compressed forms; caches that differ by coding must keep them apart. */
export function sendNegotiated(req: Request, res: Response, plain: Buffer, compressed: Partial<Record<ContentCoding, Buffer>>): void {
  res.vary('Accept-Encoding');
  const coding = preferredCoding(req);
  const body = coding ? compressed[coding] : undefined;
  if (coding && body) res.setHeader('Content-Encoding', coding);
  res.setHeader('Content-Length', String((body ?? plain).length));
  res.end(req.method === 'HEAD' ? undefined : (body ?? plain));
}
