import type { Rect, Size } from '../media/compositor/layout.js';

type Ctx = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/**
 * An empty guest slot: the guest left or has not linked yet. Their name on a dark tile with a head
 * silhouette, so the layout keeps its shape and the host sees who is missing.
 */
export function drawGuestPlaceholder(ctx: Ctx, name: string, box: Rect, canvas: Size): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(box.x, box.y, box.w, box.h);
  ctx.clip();
  ctx.fillStyle = '#1b2030';
  ctx.fillRect(box.x, box.y, box.w, box.h);
  const unit = Math.min(box.w, box.h);
  const cx = box.x + box.w / 2;
  const cy = box.y + box.h / 2 - unit * 0.08;
  ctx.fillStyle = '#3a4257';
  ctx.beginPath();
  ctx.arc(cx, cy - unit * 0.1, unit * 0.12, 0, Math.PI * 2);
  ctx.fill();
  ctx.beginPath();
  ctx.ellipse(cx, cy + unit * 0.14, unit * 0.2, unit * 0.11, 0, Math.PI, 0);
  ctx.fill();
  const size = Math.max(12, Math.min(unit * 0.09, canvas.h * 0.05));
  ctx.font = `600 ${size}px sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.fillStyle = '#e5e9f0';
  ctx.fillText(name, cx, cy + unit * 0.2, box.w * 0.9);
  ctx.restore();
}
