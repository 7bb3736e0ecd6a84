import type { Scene, Source, TextStyle } from '../../scenes/model/types.js';
import { drawGuestPlaceholder } from '../../guests/placeholder.js';
import { alertQueue } from '../../sources/alerts/alert-queue.js';
import { drawAlert } from '../../sources/alerts/draw-alert.js';
import { boxOf, planDraw, type Rect, type Size } from './layout.js';

/** A drawable picture for a source: a playing <video>, a loaded <img>, or anything with a size. */
export interface MediaFrame {
  image: CanvasImageSource;
  width: number;
  height: number;
}
export type MediaLookup = (sourceId: string) => MediaFrame | null;

type Ctx = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** Text sizes are given for a 720-line canvas and scale with the output. */
const TEXT_REFERENCE_HEIGHT = 720;

function drawText(ctx: Ctx, style: TextStyle, box: Rect, canvas: Size): void {
  const size = style.size * (canvas.h / TEXT_REFERENCE_HEIGHT);
  ctx.font = `${size}px ${style.font}`;
  ctx.textBaseline = 'top';
  ctx.lineJoin = 'round';
  style.text.split('\n').forEach((line, i) => {
    const y = box.y + i * size * 1.2;
    if (style.outlineWidth > 0) {
      ctx.strokeStyle = style.outlineColor;
      ctx.lineWidth = style.outlineWidth * (canvas.h / TEXT_REFERENCE_HEIGHT) * 2;
      ctx.strokeText(line, box.x, y, box.w);
    }
    ctx.fillStyle = style.color;
    ctx.fillText(line, box.x, y, box.w);
  });
}

export function drawSource(ctx: Ctx, source: Source, media: MediaLookup, canvas: Size): void {
  const box = boxOf(source.transform, canvas);
  switch (source.kind) {
    case 'microphone':
      return; // sound only
    case 'color':
      ctx.fillStyle = source.color;
      ctx.fillRect(box.x, box.y, box.w, box.h);
      return;
    case 'text':
      drawText(ctx, source.style, box, canvas);
      return;
    case 'alerts': {
      // Drawn on the program itself, so WebRTC and HLS viewers, recordings and restreams all see it.
      const now = performance.now();
      const alert = alertQueue.current(now, source.alerts.durationMs);
      if (alert) drawAlert(ctx, alert, box, canvas, now);
      return;
    }
    default: {
      const frame = media(source.id);
      if (!frame || frame.width === 0 || frame.height === 0) {
        // A guest who left (or is not linked yet) keeps an empty slot with their name.
        if (source.kind === 'guest') drawGuestPlaceholder(ctx, source.displayName || source.name, box, canvas);
        return;
      }
      const { src, dst } = planDraw(source.transform, { w: frame.width, h: frame.height }, canvas);
      ctx.save();
      ctx.beginPath();
      ctx.rect(box.x, box.y, box.w, box.h);
      ctx.clip();
      ctx.drawImage(frame.image, src.x, src.y, src.w, src.h, dst.x, dst.y, dst.w, dst.h);
      ctx.restore();
    }
  }
}

/** Draws a scene's visible sources bottom to top with the given opacity. */
export function drawScene(ctx: Ctx, scene: Scene, media: MediaLookup, canvas: Size, alpha = 1): void {
  ctx.globalAlpha = alpha;
  for (const source of scene.sources) if (!source.transform.hidden) drawSource(ctx, source, media, canvas);
  ctx.globalAlpha = 1;
}
