import { routes } from '../../../protocol/routes.js';
import type { ApiClient } from '../../shared/api/client.js';

/** How often the directory card's picture is refreshed while on air. */
export const THUMBNAIL_EVERY_MS = 30_000;
/** The first picture goes up shortly after going live, so a new live's card is not blank for 30 s. */
const FIRST_AFTER_MS = 2_000;
const WIDTH = 320;

/** A small JPEG of what the program canvas shows now (portrait outputs keep their shape). */
export function snapshot(program: HTMLCanvasElement): string {
  const small = document.createElement('canvas');
  small.width = WIDTH;
  small.height = Math.round((WIDTH * program.height) / Math.max(1, program.width));
  small.getContext('2d')?.drawImage(program, 0, 0, small.width, small.height);
  return small.toDataURL('image/jpeg', 0.7);
}

/** Uploads a program thumbnail now and every 30 s until the returned stop is called; a failed upload waits for the next turn. */
export function startThumbnailUploads(api: ApiClient, sessionId: string, program: HTMLCanvasElement): () => void {
  const upload = () => void api.call(routes.putThumbnail, { params: { id: sessionId }, body: { image: snapshot(program) } }).catch(() => undefined);
  const first = setTimeout(upload, FIRST_AFTER_MS);
  const timer = setInterval(upload, THUMBNAIL_EVERY_MS);
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
