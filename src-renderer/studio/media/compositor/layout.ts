import type { Crop, FitMode, Transform } from '../../scenes/model/types.js';

/** Pure layout maths for drawing and editing: pixels in, pixels out, no canvas involved. */

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface Size {
  w: number;
  h: number;
}
/** Arguments for `ctx.drawImage(img, sx, sy, sw, sh, dx, dy, dw, dh)`. */
export interface DrawPlan {
  src: Rect;
  dst: Rect;
}

/** A transform's box on a canvas of `canvas` pixels. */
export function boxOf(t: Pick<Transform, 'x' | 'y' | 'w' | 'h'>, canvas: Size): Rect {
  return { x: t.x * canvas.w, y: t.y * canvas.h, w: t.w * canvas.w, h: t.h * canvas.h };
}

/** The part of the media left after cropping (crop edges are fractions of the media). */
export function cropRect(media: Size, crop: Crop): Rect {
  const left = Math.min(crop.left, 0.99);
  const top = Math.min(crop.top, 0.99);
  const w = Math.max(media.w * (1 - left - crop.right), 1);
  const h = Math.max(media.h * (1 - top - crop.bottom), 1);
  return { x: media.w * left, y: media.h * top, w, h };
}

/**
 * Places `media` (already cropped to `src`) in `box`:
 * fit letterboxes the whole picture, fill covers the box and trims the overflow from `src`, stretch ignores aspect.
 */
export function placeMedia(src: Rect, box: Rect, mode: FitMode): DrawPlan {
  if (mode === 'stretch' || src.w <= 0 || src.h <= 0) return { src, dst: box };
  const scaleFit = Math.min(box.w / src.w, box.h / src.h);
  if (mode === 'fit') {
    const w = src.w * scaleFit;
    const h = src.h * scaleFit;
    return { src, dst: { x: box.x + (box.w - w) / 2, y: box.y + (box.h - h) / 2, w, h } };
  }
  const scaleFill = Math.max(box.w / src.w, box.h / src.h);
  const sw = box.w / scaleFill;
  const sh = box.h / scaleFill;
  return { src: { x: src.x + (src.w - sw) / 2, y: src.y + (src.h - sh) / 2, w: sw, h: sh }, dst: box };
}

/** The full drawImage plan for a source whose media has size `media`. */
export function planDraw(t: Transform, media: Size, canvas: Size): DrawPlan {
  return placeMedia(cropRect(media, t.crop), boxOf(t, canvas), t.fit);
}

export type Handle = 'nw' | 'n' | 'ne' | 'e' | 'se' | 's' | 'sw' | 'w';
export type Grab = Handle | 'body';

const HANDLE_POINTS: Record<Handle, [number, number]> = {
  nw: [0, 0],
  n: [0.5, 0],
  ne: [1, 0],
  e: [1, 0.5],
  se: [1, 1],
  s: [0.5, 1],
  sw: [0, 1],
  w: [0, 0.5],
};
export const HANDLES = Object.keys(HANDLE_POINTS) as Handle[];

export function handlePoint(rect: Rect, handle: Handle): { x: number; y: number } {
  const [fx, fy] = HANDLE_POINTS[handle];
  return { x: rect.x + rect.w * fx, y: rect.y + rect.h * fy };
}

/** Which handle (or the body) of `rect` is under the point; `radius` is the handle's grab size in pixels. */
export function grabAt(rect: Rect, px: number, py: number, radius: number): Grab | null {
  for (const h of HANDLES) {
    const p = handlePoint(rect, h);
    if (Math.abs(px - p.x) <= radius && Math.abs(py - p.y) <= radius) return h;
  }
  const inside = px >= rect.x && px <= rect.x + rect.w && py >= rect.y && py <= rect.y + rect.h;
  return inside ? 'body' : null;
}

export interface Hittable {
  id: string;
  transform: Transform;
}

/** The top-most visible source under a canvas point (sources are listed bottom first). */
export function topSourceAt<T extends Hittable>(sources: readonly T[], px: number, py: number, canvas: Size): T | null {
  for (let i = sources.length - 1; i >= 0; i -= 1) {
    const s = sources[i] as T;
    if (s.transform.hidden) continue;
    if (grabAt(boxOf(s.transform, canvas), px, py, 0) !== null) return s;
  }
  return null;
}

const MIN_SIZE = 0.01;

/**
 * The transform after dragging `grab` by (dx, dy), in canvas fractions. Edges move with their handle; the
 * opposite edge stays put; a box never turns inside out. Locked sources do not move.
 */
export function dragTransform(start: Transform, grab: Grab, dx: number, dy: number): Transform {
  if (start.locked) return start;
  if (grab === 'body') return { ...start, x: start.x + dx, y: start.y + dy };
  let left = start.x;
  let top = start.y;
  let right = start.x + start.w;
  let bottom = start.y + start.h;
  if (grab.includes('w')) left = Math.min(left + dx, right - MIN_SIZE);
  if (grab.includes('e')) right = Math.max(right + dx, left + MIN_SIZE);
  if (grab.includes('n')) top = Math.min(top + dy, bottom - MIN_SIZE);
  if (grab.includes('s')) bottom = Math.max(bottom + dy, top + MIN_SIZE);
  return { ...start, x: left, y: top, w: right - left, h: bottom - top };
}

/** Maps a pointer position on a displayed canvas element to canvas pixels. */
export function toCanvasPoint(
  client: { x: number; y: number },
  elementRect: Rect,
  canvas: Size,
): { x: number; y: number } {
  return {
    x: ((client.x - elementRect.x) / elementRect.w) * canvas.w,
    y: ((client.y - elementRect.y) / elementRect.h) * canvas.h,
  };
}
