import type { ReplayMessage, ReplayPin } from '../../../protocol/replays.js';
import type { Message } from '../../../protocol/chat.js';

/** Messages shown at `seconds` into the replay: those said at or before that moment (they come sorted by offset). */
export function messagesAt(messages: readonly ReplayMessage[], seconds: number): ReplayMessage[] {
  let lo = 0;
  let hi = messages.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((messages[mid]?.offsetSeconds ?? Infinity) <= seconds) lo = mid + 1;
    else hi = mid;
  }
  return messages.slice(0, lo);
}

/** The messages pinned at `seconds`, oldest pin first. */
export function pinsAt(pins: readonly ReplayPin[], seconds: number): Message[] {
  return pins.filter((p) => p.fromSeconds <= seconds && (p.toSeconds === null || seconds < p.toSeconds)).map((p) => p.message);
}

/** Messages per bin across the replay (the seek bar's heatmap), scaled 0..1 by the busiest bin. */
export function chatHeat(messages: readonly ReplayMessage[], durationSeconds: number, bins: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  if (durationSeconds <= 0) return counts;
  for (const m of messages) {
    const bin = Math.min(bins - 1, Math.max(0, Math.floor((m.offsetSeconds / durationSeconds) * bins)));
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  const max = Math.max(...counts);
  return max === 0 ? counts : counts.map((c) => c / max);
}

/** 65 → "1:05"; 3723 → "1:02:03". */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(h > 0 ? 2 : 1, '0');
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s % 60).padStart(2, '0')}`;
}
