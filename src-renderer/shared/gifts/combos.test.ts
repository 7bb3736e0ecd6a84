import { describe, expect, it } from 'vitest';
import type { GiftEvent } from '../../../protocol/gifts.js';
import { COMBO_WINDOW_MS, ComboBoard } from './combos.js';

let n = 0;
const gift = (senderId: string, giftId: string, count = 1): GiftEvent => ({
  id: `g${n++}`,
  sessionId: 's',
  giftId,
  count,
  coins: count,
  senderId,
  senderName: senderId.toUpperCase(),
  createdAt: new Date(0).toISOString(),
});

describe('gift combos', () => {
  it('adds the same gift from the same sender into one ×N while they keep coming', () => {
    const board = new ComboBoard();
    board.add(gift('ada', 'rose'), 0);
    board.add(gift('ada', 'rose', 2), 1000);
    const shown = board.add(gift('ada', 'rose', 2), 2500);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ senderName: 'ADA', giftId: 'rose', count: 5, hits: 3 });
  });

  it('keeps other senders and other gifts apart, ignores a gift delivered twice, and ends a combo after a pause', () => {
    const board = new ComboBoard();
    const once = gift('ada', 'rose');
    board.add(once, 0);
    board.add(once, 10);
    board.add(gift('bob', 'rose'), 20);
    expect(board.add(gift('ada', 'lion'), 30).map((c) => [c.senderId, c.giftId, c.count])).toEqual([
      ['ada', 'rose', 1],
      ['bob', 'rose', 1],
      ['ada', 'lion', 1],
    ]);
    expect(board.current(30 + COMBO_WINDOW_MS)).toEqual([]);
    expect(board.add(gift('ada', 'rose'), 40 + COMBO_WINDOW_MS)[0]?.count).toBe(1);
  });
});
