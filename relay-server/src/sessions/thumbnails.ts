import { THUMBNAIL_MAX_BYTES, type ThumbnailReply } from '../../../protocol/sessions.js';
import type { Actor } from '../core/actor.js';
import { fail } from '../core/errors.js';
import type { Repositories } from '../storage/types.js';
import { accessSession, requireHost } from './access.js';

/** Magic numbers of the accepted image types: the declared type must match the bytes. */
const SIGNATURES: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};
const DATA_URL = /^data:(image\/(?:jpeg|png|webp));base64,([A-Za-z0-9+/]+={0,2})$/;
/** At most this many thumbnails are held (one per live session); the oldest goes first. */
const MAX_HELD = 2_000;

/** Checks a thumbnail data URL: a known image type, valid base64, bytes that are that type, within the size limit. */
export function parseThumbnail(image: string): { type: string; bytes: number } {
  const match = DATA_URL.exec(image);
  if (!match) throw fail.invalidInput('The thumbnail must be a JPEG, PNG or WebP data URL');
  const [, type, base64] = match as unknown as [string, string, string];
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0 || bytes.length > THUMBNAIL_MAX_BYTES) throw fail.invalidInput(`The thumbnail must be 1 to ${THUMBNAIL_MAX_BYTES} bytes`);
  if (!SIGNATURES[type]?.(bytes)) throw fail.invalidInput('The thumbnail bytes are not the declared image type');
  return { type, bytes: bytes.length };
}

/**
 * Program thumbnails for directory cards, kept in memory (no table: a picture older than a live is
 * worthless, and each relay node keeps the ones its studios sent).
 */
export function createThumbnails(storage: Repositories, clock: () => Date) {
  const held = new Map<string, { image: string; updatedAt: Date }>();
  return {
    async put(sessionId: string, actor: Actor | null, image: string): Promise<void> {
      const access = await accessSession(storage, sessionId, actor);
      requireHost(access);
      if (access.session.state !== 'starting' && access.session.state !== 'live') throw fail.invalidTransition(access.session.state, 'show a thumbnail of');
      parseThumbnail(image);
      held.delete(sessionId);
      held.set(sessionId, { image, updatedAt: clock() });
      if (held.size > MAX_HELD) held.delete(held.keys().next().value as string);
    },
    async get(sessionId: string, actor: Actor | null): Promise<ThumbnailReply> {
      const access = await accessSession(storage, sessionId, actor);
      const entry = held.get(sessionId);
      if (!entry || access.session.state === 'ended') throw fail.notFound('Thumbnail');
      return { image: entry.image, updatedAt: entry.updatedAt.toISOString() };
    },
    forget: (sessionId: string) => void held.delete(sessionId),
  };
}
