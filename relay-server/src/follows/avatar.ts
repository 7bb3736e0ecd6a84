import sharp from 'sharp';
import { AVATAR_SIZE, AVATAR_TYPES } from '../../../protocol/follows.js';
import { fail } from '../core/errors.js';

// One encoding thread: the relay's cores belong to live traffic, an avatar can wait a little.
sharp.concurrency(1);

/** Formats sharp may decode here: the upload's own bytes decide, never its Content-Type alone. */
const DECODABLE = new Set(['png', 'jpeg', 'webp', 'gif']);
/** A 24-megapixel photo decodes; a decompression bomb (a tiny PNG of 50,000 × 50,000) is refused before decoding. */
const MAX_INPUT_PIXELS = 24_000_000;

export const isAvatarType = (type: string): boolean => AVATAR_TYPES.some((t) => t === type);

/**
 * Re-encodes an uploaded image as a square WebP of AVATAR_SIZE: whatever the upload carried
 * (EXIF with GPS, ICC tricks, extra frames, polyglot payloads) is not kept, only decoded pixels.
 */
export async function reencodeAvatar(bytes: Buffer): Promise<Buffer> {
  let format: string | undefined;
  try {
    format = (await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).metadata()).format;
  } catch {
    throw fail.invalidInput('The file is not an image');
  }
  if (!format || !DECODABLE.has(format)) throw fail.invalidInput('The image must be PNG, JPEG, WebP or GIF');
  try {
    return await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', animated: false })
      .rotate()
      .resize(AVATAR_SIZE, AVATAR_SIZE, { fit: 'cover' })
      .webp({ quality: 82 })
      .toBuffer();
  } catch {
    throw fail.invalidInput('The image could not be read (damaged or too large)');
  }
}
