import type { GiftEvent } from '../../../protocol/gifts.js';

/** The same gift from the same sender within this long adds to the combo on screen (TikTok's ×N). */
export const COMBO_WINDOW_MS = 5_000;
/** At most this many animations at once; the oldest leaves first. */
const MAX_SHOWN = 6;

export interface Combo {
  key: string;
  senderId: string;
  senderName: string;
  giftId: string;
  /** Gifts in the combo so far (the sum of each send's count). */
  count: number;
  /** Bumped on every addition so the animation can replay its "pop". */
  hits: number;
  lastAt: number;
}

/**
 * Folds gift events into the combos shown over the player: every client folds the same events the
 * same way, so everyone in the room sees the same "×5" without the relay keeping combo state.
 */
export class ComboBoard {
  private combos: Combo[] = [];
  private seen = new Set<string>();

  /** Adds one gift (a gift seen before is ignored); returns the combos to show. */
  add(gift: GiftEvent, now: number): Combo[] {
    if (this.seen.has(gift.id)) return this.current(now);
    this.seen.add(gift.id);
    if (this.seen.size > 5_000) this.seen = new Set([...this.seen].slice(-1_000));
    const live = this.current(now);
    const match = live.find((c) => c.senderId === gift.senderId && c.giftId === gift.giftId);
    if (match) {
      this.combos = live.map((c) => (c === match ? { ...c, count: c.count + gift.count, hits: c.hits + 1, lastAt: now } : c));
    } else {
      const combo: Combo = { key: `${gift.senderId}:${gift.giftId}:${now}`, senderId: gift.senderId, senderName: gift.senderName, giftId: gift.giftId, count: gift.count, hits: 1, lastAt: now };
      this.combos = [...live, combo].slice(-MAX_SHOWN);
    }
    return this.combos;
  }

  /** The combos still on screen at `now`. */
  current(now: number): Combo[] {
    this.combos = this.combos.filter((c) => now - c.lastAt < COMBO_WINDOW_MS);
    return this.combos;
  }
}
