import { t } from '../../../shared/i18n/index.js';
import type { Rect, Size } from '../../media/compositor/layout.js';
import type { ShownAlert } from './alert-queue.js';

type Ctx = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

const POP_MS = 300;
const EMOJI: Record<ShownAlert['kind'], string> = { follow: '💜', gift: '🎁', topGifter: '🏆' };

export function alertText(alert: ShownAlert): string {
  switch (alert.kind) {
    case 'follow':
      return t('alerts.follow', { name: alert.name });
    case 'topGifter':
      return t('alerts.topGifter', { name: alert.name });
    case 'gift':
      return t('alerts.gift', { name: alert.name, gift: alert.gift?.name ?? '', count: alert.gift?.count ?? 1 });
  }
}

/** One alert as a card filling the source's box, popping in over its first 300 ms. */
export function drawAlert(ctx: Ctx, alert: ShownAlert, box: Rect, canvas: Size, now: number): void {
  const grow = Math.min(1, (now - alert.startedAt) / POP_MS);
  const scale = 0.6 + 0.4 * grow;
  const w = box.w * scale;
  const h = box.h * scale;
  const x = box.x + (box.w - w) / 2;
  const y = box.y + (box.h - h) / 2;
  ctx.save();
  ctx.globalAlpha *= 0.3 + 0.7 * grow;
  ctx.fillStyle = 'rgba(17, 12, 34, 0.86)';
  ctx.strokeStyle = '#fde047';
  ctx.lineWidth = Math.max(2, canvas.h / 240);
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, h / 4);
  ctx.fill();
  ctx.stroke();
  const emoji = alert.gift?.emoji ?? EMOJI[alert.kind];
  const emojiSize = h * 0.62;
  ctx.textBaseline = 'middle';
  ctx.font = `${emojiSize}px sans-serif`;
  ctx.fillText(emoji, x + h * 0.2, y + h / 2);
  ctx.fillStyle = '#ffffff';
  ctx.font = `bold ${h * 0.3}px sans-serif`;
  const textX = x + h * 0.25 + emojiSize;
  ctx.fillText(alertText(alert), textX, y + h / 2, Math.max(10, x + w - textX - h * 0.2));
  ctx.restore();
}
